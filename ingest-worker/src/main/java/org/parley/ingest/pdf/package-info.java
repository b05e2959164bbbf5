/**
 * Reads an uploaded PDF once, page by page, into positioned text lines with their font
 * size, weight and tags, plus the bookmarks and document title. Structuring needs
 * geometry and typography, not plain text, and bad uploads are turned here into problems
 * an organiser can act on.
 */
package org.parley.ingest.pdf;
