package org.parley.web.participation;

import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.parley.domain.discussion.Paragraph;
import org.parley.domain.discussion.Section;
import org.parley.domain.participation.VoteCount;

/**
 * A section as {@code GET /api/discussions/{id}/sections} shows it: the outline fields of
 * the API contract, plus where the section stands: its vote counts, its comment count
 * and, for the caller only, the caller's own vote.
 *
 * @param id stable through outline edits, as each paragraph's id is; {@code number} is
 * the running position, which edits of a draft change
 * @param myVote AGREE, DISAGREE, or absent when the caller did not vote or is not signed
 * in
 * @param waiting comments held for approval, shown to organisers only (absent for
 * others); {@code comments} counts the published ones
 */
public record SectionView(UUID id, int number, String label, String heading, int level, Integer parentNumber,
		List<Paragraph> paragraphs, Votes votes, int comments, @JsonInclude(JsonInclude.Include.NON_NULL) String myVote,
		@JsonInclude(JsonInclude.Include.NON_NULL) Double confidence,
		@JsonInclude(JsonInclude.Include.NON_NULL) Integer waiting) {

	/**
	 * Below this, the draft preview asks the organiser to check the section's heading.
	 */
	static final double DOUBTFUL_BELOW = 0.8;

	/** Whether the import doubts this section's heading, label or level. */
	@com.fasterxml.jackson.annotation.JsonIgnore
	public boolean isDoubtful() {
		return this.confidence != null && this.confidence < DOUBTFUL_BELOW;
	}

	static SectionView of(Section s, VoteCount count, int comments, Boolean mine, Integer waiting) {
		VoteCount c = (count != null) ? count : new VoteCount(s.number(), 0, 0);
		return new SectionView(s.id(), s.number(), s.label(), s.heading(), s.level(), s.parentNumber(), s.paragraphs(),
				new Votes(c.agree(), c.disagree(), c.positivePercent()), comments,
				(mine == null) ? null : (mine ? "AGREE" : "DISAGREE"), s.confidence(), waiting);
	}

	/**
	 * @param positivePercent null while the section has no votes
	 */
	public record Votes(int agree, int disagree, Integer positivePercent) {
	}

}
