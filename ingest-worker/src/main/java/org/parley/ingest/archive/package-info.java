/**
 * ZIP packages (DOCX, ODT) inflated once within fixed budgets before any XML parser sees
 * them: the budgets bound the memory a crafted archive can cost, so that no ratio
 * heuristic has to guess, and a large legitimate document is not mistaken for a bomb.
 */
package org.parley.ingest.archive;
