package org.parley.domain.outcome;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.Period;

/**
 * When the answers are due: the date the organiser set, else twelve weeks after the
 * discussion closes (the UK consultation principles' period). Unknown while a discussion
 * has neither.
 *
 * @param dueAt the due date, or null while it cannot be known
 * @param chosen whether the organiser set it
 */
public record ResponseDeadline(OffsetDateTime dueAt, boolean chosen) {

	/**
	 * The time after closing that answers are due by, unless the organiser sets a date.
	 */
	public static final Period DEFAULT_AFTER_CLOSING = Period.ofWeeks(12);

	/**
	 * @param set the organiser's date, or null
	 * @param closedAt when the discussion closes or closed, or null if it has no end
	 */
	public static ResponseDeadline of(OffsetDateTime set, OffsetDateTime closedAt) {
		if (set != null) {
			return new ResponseDeadline(set, true);
		}
		return new ResponseDeadline((closedAt != null) ? closedAt.plus(DEFAULT_AFTER_CLOSING) : null, false);
	}

	/**
	 * Whole days left until it is due, rounded up (0 on the day, negative once overdue),
	 * or null if unknown.
	 */
	public Long daysLeft(Clock clock) {
		if (this.dueAt == null) {
			return null;
		}
		Duration left = Duration.between(OffsetDateTime.now(clock), this.dueAt);
		long days = left.toDays();
		return (left.isNegative() || left.equals(Duration.ofDays(days))) ? days : days + 1;
	}

}
