package org.parley.web.outcome;

import java.time.OffsetDateTime;

import org.parley.domain.outcome.CommentResponse;
import org.parley.domain.outcome.ResponseStatus;

/** {@code response: {status, text, respondedAt}} on a comment's JSON. */
public record ResponseView(ResponseStatus status, String text, OffsetDateTime respondedAt) {

	public static ResponseView of(CommentResponse r) {
		return (r == null) ? null : new ResponseView(r.status(), r.text(), r.respondedAt());
	}

}
