package org.parley.web.discussion;

import java.time.OffsetDateTime;

import org.parley.domain.discussion.DiscussionStatus;
import org.parley.domain.discussion.Privacy;

/**
 * {@code PATCH /api/discussions/{id}}: what the organiser changes; a missing field stays
 * as it is. {@code status} OPEN publishes a draft (or reopens a closed discussion),
 * CLOSED closes it now, DRAFT takes it back to a draft.
 *
 * @param timeZone the IANA zone the dates are meant in, e.g. Europe/Vienna
 * @param premoderated whether new comments wait for an organiser's approval
 * @param confirm true to take a discussion that has votes or comments back to a draft;
 * without it that change is refused with {@code PARTICIPATION_EXISTS}
 */
public record DiscussionPatch(String title, String description, OffsetDateTime opensAt, OffsetDateTime closesAt,
		String timeZone, Privacy privacy, DiscussionStatus status, Boolean premoderated, Boolean confirm) {

}
