package org.parley.web.discussion;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import org.parley.domain.discussion.Discussion;
import org.parley.domain.discussion.DiscussionStatus;
import org.parley.domain.discussion.Privacy;
import org.parley.domain.participation.DiscussionStatistics;

/**
 * A discussion as {@code GET /api/discussions/{id}} shows it.
 *
 * @param stats the same figures as {@code GET /api/discussions/{id}/stats}
 * @param daysLeft calendar days until the close date in the discussion's zone, while
 * open; else null
 * @param scheduled published, waiting for its open date
 * @param timeZone the zone its dates were set in
 */
public record DiscussionView(UUID id, String title, String description, DiscussionStatus status, Privacy privacy,
		OffsetDateTime opensAt, OffsetDateTime closesAt, Long daysLeft, boolean scheduled, String timeZone,
		DiscussionStatistics stats) {

	/**
	 * @param stats the discussion's figures, the same as {@code GET …/stats} gives
	 * (without the caller's own contributions)
	 */
	public static DiscussionView of(Discussion d, Clock clock, DiscussionStatistics stats) {
		DiscussionStatus status = d.status(clock);
		Long daysLeft = null;
		if (status == DiscussionStatus.OPEN && d.closesAt() != null) {
			// Calendar days where the organiser is: closing on the 15th seen on the 3rd
			// is 12 days left.
			ZoneId zone = (d.timeZone() != null) ? d.timeZone() : ZoneOffset.UTC;
			LocalDate today = LocalDate.now(clock.withZone(zone));
			daysLeft = Math.max(0, ChronoUnit.DAYS.between(today, d.closesAt().atZoneSameInstant(zone).toLocalDate()));
		}
		return new DiscussionView(d.id(), d.title(), d.description(), status, d.privacy(), d.opensAt(), d.closesAt(),
				daysLeft, d.isScheduled(clock), (d.timeZone() != null) ? d.timeZone().getId() : null, stats);
	}

}
