package org.parley.domain.participation;

/** Agree and disagree votes on one section: counts only, never voters. */
public record VoteCount(int number, int agree, int disagree) {

	public int total() {
		return this.agree + this.disagree;
	}

	/** round(100 × agree ÷ total), or null without votes: 447 and 16 give 97. */
	public Integer positivePercent() {
		return (total() == 0) ? null : (int) Math.round(100.0 * this.agree / total());
	}

}
