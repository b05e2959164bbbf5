package org.parley.web.revision;

import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.parley.domain.discussion.ChangeKind;
import org.parley.domain.discussion.RevisionMatch;

/**
 * {@code {from, to, kind, confidence}} of the API, plus whether the organiser marked the
 * edit as a change of meaning and whether the organiser set the pair.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
record MatchView(UUID from, UUID to, ChangeKind kind, double confidence, boolean meaningChanged, boolean byOrganiser) {

	static MatchView of(RevisionMatch m) {
		return new MatchView(m.from(), m.to(), m.kind(), Math.round(m.confidence() * 1000) / 1000.0, m.meaningChanged(),
				m.byOrganiser());
	}

}
