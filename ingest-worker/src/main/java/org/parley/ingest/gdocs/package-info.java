/**
 * Google Docs, as Drive exports them to HTML: class-styled spans, flat {@code lst-kix}
 * lists and numbering drawn by CSS counters. The counters are evaluated here, because the
 * numbers a reader sees ("2.1.") are in the style sheet and not in the text.
 */
package org.parley.ingest.gdocs;
