package org.parley.web.participation;

import java.util.UUID;

import org.parley.domain.discussion.RemovedSection;
import org.parley.domain.participation.VoteCount;

/**
 * A section that an outline edit took out of the outline, as {@code GET
 * /api/discussions/{id}/removed-sections} shows it: the votes given to it, kept and not
 * counted for the section that absorbed its text, and the comments still shown on it
 * (normally none: they follow its text).
 */
public record RemovedSectionView(UUID id, String label, String heading, SectionView.Votes votes, int comments) {

	static RemovedSectionView of(RemovedSection s, VoteCount count, int comments) {
		VoteCount c = (count != null) ? count : new VoteCount(0, 0, 0);
		return new RemovedSectionView(s.id(), s.label(), s.heading(),
				new SectionView.Votes(c.agree(), c.disagree(), c.positivePercent()), comments);
	}

}
