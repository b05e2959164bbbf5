package org.parley.domain.participation;

/**
 * What waits for an organiser: comments held for approval, and published comments flagged
 * since their last review.
 */
public record ModerationCounts(int held, int flagged) {

	public int total() {
		return this.held + this.flagged;
	}

}
