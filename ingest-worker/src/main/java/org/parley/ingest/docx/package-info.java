/**
 * Word (DOCX) imports, read with Apache POI: heading styles and outline levels give the
 * headings, numbering definitions give the numbers that Word draws but does not store in
 * the text ("2.1."), numbered and bulleted paragraphs become list items and tables their
 * rows.
 */
package org.parley.ingest.docx;
