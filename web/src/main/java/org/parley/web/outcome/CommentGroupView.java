package org.parley.web.outcome;

import java.util.List;
import java.util.UUID;

import org.parley.domain.outcome.CommentGroup;

/**
 * {@code {id, size, representative: {id, text}, commentIds}}: one near-duplicate group,
 * the representative (its earliest comment) first in {@code commentIds}.
 */
public record CommentGroupView(UUID id, int size, Representative representative, List<UUID> commentIds) {

	public record Representative(UUID id, String text) {
	}

	static CommentGroupView of(CommentGroup g) {
		return new CommentGroupView(g.id(), g.size(), new Representative(g.representativeId(), g.representativeText()),
				g.commentIds());
	}

}
