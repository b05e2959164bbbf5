package org.parley.ingest.pdf;

/**
 * A straight horizontal or vertical line the page draws: a stroked segment, a thin filled
 * rectangle or the edge of a rectangle. Tables are ruled with them. Coordinates are in
 * points from the top-left corner of the page, as for text; {@code x1 <= x2} and
 * {@code y1 <= y2}.
 *
 * @param x1 left end
 * @param y1 top end
 * @param x2 right end
 * @param y2 bottom end
 */
public record Ruling(float x1, float y1, float x2, float y2) {

	public boolean horizontal() {
		return this.y2 - this.y1 <= this.x2 - this.x1;
	}

	public boolean vertical() {
		return !horizontal();
	}

	public float length() {
		return Math.max(this.x2 - this.x1, this.y2 - this.y1);
	}

	/** The y of a horizontal ruling, the x of a vertical one. */
	public float position() {
		return horizontal() ? (this.y1 + this.y2) / 2 : (this.x1 + this.x2) / 2;
	}

	/** Where a horizontal ruling starts along x, a vertical one along y. */
	public float start() {
		return horizontal() ? this.x1 : this.y1;
	}

	/** Where a horizontal ruling ends along x, a vertical one along y. */
	public float end() {
		return horizontal() ? this.x2 : this.y2;
	}

}
