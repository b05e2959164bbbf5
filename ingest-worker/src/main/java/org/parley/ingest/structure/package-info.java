/**
 * Turns the positioned text of a PDF into an outline of commentable sections: reading
 * order, running headers and footers, paragraphs, lists, headings with their numbering
 * and levels. Plain Java, so that every rule can be tested on small constructed pages
 * without Spring or PDF files.
 */
package org.parley.ingest.structure;
