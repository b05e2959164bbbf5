/**
 * Markdown imports, read with a CommonMark parser (and GitHub tables) into the parts that
 * every format with marked-up headings is structured from.
 */
package org.parley.ingest.markdown;
