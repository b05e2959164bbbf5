package org.parley.web.participation;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.parley.domain.participation.Comment;
import org.parley.domain.participation.CommentState;
import org.parley.domain.participation.CommentThreadEntry;

/**
 * A comment as the API shows it: {@code {id, author, text, createdAt, votes: {up, down},
 * replies}}. The text is the participant's own, unchanged; pages escape it, and JSON
 * needs no escaping.
 *
 * @param flags how often it was flagged, for organisers only
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CommentView(UUID id, String author, String text, OffsetDateTime createdAt, Votes votes,
		List<CommentView> replies, Integer paragraphNumber, String quote, CommentState state, Integer flags) {

	static CommentView of(Comment c, String author) {
		return new CommentView(c.id(), author, c.text(), c.createdAt(), new Votes(0, 0), new ArrayList<>(),
				c.paragraphNumber(), c.quote(), c.state(), null);
	}

	static CommentView of(CommentThreadEntry e, boolean forOrganiser) {
		return new CommentView(e.id(), e.author(), e.text(), e.createdAt(), new Votes(e.up(), e.down()),
				new ArrayList<>(), e.paragraphNumber(), e.quote(), e.state(), forOrganiser ? e.flags() : null);
	}

	public record Votes(int up, int down) {
	}

}
