/**
 * Word (DOCX) imports, read with Apache POI from parts Parley inflated within its
 * budgets: heading styles in any language and outline levels give the headings, numbering
 * definitions give the numbers that Word draws but does not store in the text ("2.1."),
 * numbered and bulleted paragraphs become list items and tables their rows. A document
 * with no heading styles at all gets its headings from its direct formatting and its
 * labels.
 */
package org.parley.ingest.docx;
