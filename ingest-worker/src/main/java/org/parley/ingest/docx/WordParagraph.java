package org.parley.ingest.docx;

/**
 * A paragraph as its style reads it, with how it looks, for documents whose headings are
 * set by direct formatting alone.
 *
 * @param part what the paragraph's style and numbering make of it
 * @param look its direct formatting, or null for a table
 * @param list the list instance and level that number it ("2/0"), or null
 */
record WordParagraph(org.parley.ingest.structure.DocumentPart part, Look look, String list) {

	WordParagraph(org.parley.ingest.structure.DocumentPart part, Look look) {
		this(part, look, null);
	}

	/**
	 * @param size the first run's font size in half-points, 0 when unknown
	 * @param bold whether all its text is bold
	 * @param boldPrefix the bold text it starts with, possibly all of it
	 */
	record Look(int size, boolean bold, String boldPrefix) {

	}

}
