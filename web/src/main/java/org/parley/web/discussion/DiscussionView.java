package org.parley.web.discussion;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;

import org.parley.domain.discussion.Discussion;
import org.parley.domain.discussion.DiscussionStatus;
import org.parley.domain.discussion.Privacy;

/** A discussion as {@code GET /api/discussions/{id}} shows it. */
public record DiscussionView(UUID id, String title, String description, DiscussionStatus status, Privacy privacy,
		OffsetDateTime opensAt, OffsetDateTime closesAt, Long daysLeft, Map<String, Object> stats) {

	static DiscussionView of(Discussion d, Clock clock) {
		Long daysLeft = null;
		if (d.status() == DiscussionStatus.OPEN && d.closesAt() != null) {
			Duration left = Duration.between(OffsetDateTime.now(clock), d.closesAt());
			daysLeft = Math.max(0, (left.toHours() + 23) / 24);
		}
		return new DiscussionView(d.id(), d.title(), d.description(), d.status(), d.privacy(), d.opensAt(),
				d.closesAt(), daysLeft, Map.of("positivePercent", 0, "positiveVotes", 0, "negativeVotes", 0,
						"totalVotes", 0));
	}

}
