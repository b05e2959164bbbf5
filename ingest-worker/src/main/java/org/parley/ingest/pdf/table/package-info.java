/**
 * Tables recovered from a PDF page's geometry: from the rules its graphics draw (a
 * lattice of horizontal and vertical lines intersected into a grid of cells) and, where
 * there are none, from the alignment of its words (column gaps that several consecutive
 * lines share). Each table comes out as rows of cells with its header rows, spanning
 * cells repeated in every slot they cover, and a table broken by a page break is joined
 * into one. See ADR 0028.
 */
package org.parley.ingest.pdf.table;
