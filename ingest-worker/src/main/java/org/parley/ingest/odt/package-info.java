/**
 * OpenDocument text imports (ODT, and Flat ODT as one XML file), read with a streaming
 * XML parser that refuses DTDs and never resolves entities: headings with their outline
 * levels, LibreOffice's automatic numbering of headings and lists drawn from the outline
 * and list styles as LibreOffice draws it, paragraphs, list items and table rows.
 */
package org.parley.ingest.odt;
