package org.parley.web.revision;

import java.time.OffsetDateTime;

import org.parley.domain.discussion.Revision;
import org.parley.domain.discussion.RevisionState;

/** {@code {revision, state, createdAt, publishedAt}} */
record RevisionView(int revision, RevisionState state, OffsetDateTime createdAt, OffsetDateTime publishedAt) {

	static RevisionView of(Revision r) {
		return new RevisionView(r.number(), r.state(), r.createdAt(), r.publishedAt());
	}

}
