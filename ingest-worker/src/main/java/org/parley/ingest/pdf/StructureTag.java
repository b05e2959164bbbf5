package org.parley.ingest.pdf;

/**
 * The block-level structure element of a tagged PDF that some text belongs to.
 *
 * @param role the standard structure type, e.g. {@code P}, {@code H2}, {@code LI}
 * @param element a number unique to the element within the document, so that text of one
 * paragraph is recognised as such even across pages
 */
public record StructureTag(String role, int element) {

	public boolean isHeading() {
		return headingDepth() > 0;
	}

	/** 1 to 6 for {@code H1}...{@code H6}, 1 for a plain {@code H}, otherwise 0. */
	public int headingDepth() {
		if (this.role.equals("H")) {
			return 1;
		}
		if (this.role.length() == 2 && this.role.charAt(0) == 'H' && Character.isDigit(this.role.charAt(1))) {
			return this.role.charAt(1) - '0';
		}
		return 0;
	}

	public boolean isListItem() {
		return this.role.equals("LI");
	}

}
