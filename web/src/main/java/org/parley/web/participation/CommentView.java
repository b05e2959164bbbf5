package org.parley.web.participation;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.parley.domain.outcome.CommentGroupRepository;
import org.parley.domain.participation.Comment;
import org.parley.domain.participation.CommentState;
import org.parley.domain.participation.CommentThreadEntry;
import org.parley.web.outcome.ResponseView;

/**
 * A comment as the API shows it: {@code {id, author, text, createdAt, votes: {up, down},
 * replies}}. The text is the participant's own, unchanged; pages escape it, and JSON
 * needs no escaping.
 *
 * @param paragraphId the paragraph it is on, stable through outline edits; absent for a
 * comment on the whole section and for replies
 * @param paragraphNumber that paragraph's running number in the section now
 * @param revision the revision of the document it was written on; 1 until revisions exist
 * @param flags how often it was flagged, for organisers only
 * @param response the organisers' answer, absent while unanswered
 * @param group its near-duplicate group, for organisers only
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CommentView(UUID id, String author, String text, OffsetDateTime createdAt, Votes votes,
		List<CommentView> replies, UUID paragraphId, Integer paragraphNumber, int revision, String quote,
		CommentState state, Integer flags, ResponseView response, Group group) {

	private static final int FIRST_REVISION = 1;

	static CommentView of(Comment c, Integer paragraphNumber, String author) {
		return new CommentView(c.id(), author, c.text(), c.createdAt(), new Votes(0, 0), new ArrayList<>(),
				c.paragraphId(), paragraphNumber, FIRST_REVISION, c.quote(), c.state(), null, null, null);
	}

	static CommentView of(CommentThreadEntry e, boolean forOrganiser, CommentGroupRepository.Membership group) {
		return new CommentView(e.id(), e.author(), e.text(), e.createdAt(), new Votes(e.up(), e.down()),
				new ArrayList<>(), e.paragraphId(), e.paragraphNumber(), FIRST_REVISION, e.quote(), e.state(),
				forOrganiser ? e.flags() : null, ResponseView.of(e.response()),
				(forOrganiser && group != null) ? new Group(group.groupId(), group.size()) : null);
	}

	public record Votes(int up, int down) {
	}

	/** {@code {id, size}}: "1 text × size participants". */
	public record Group(UUID id, int size) {
	}

}
