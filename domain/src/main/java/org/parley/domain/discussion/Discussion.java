package org.parley.domain.discussion;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.UUID;

/**
 * A consultation on one document. Its status is not stored but follows from the facts: a
 * draft until published; once published, open between its dates, unless the organiser
 * pinned it open or closed.
 *
 * @param timeZone the zone the organiser set the dates in, for showing them back
 * @param publishedAt when the organiser published it, or null for a draft
 * @param statusOverride OPEN or CLOSED when the organiser reopened or closed it by hand,
 * else null
 * @param closedAt when the organiser closed it by hand, while that closing stands; else
 * null
 */
public record Discussion(UUID id, UUID importId, String title, String description, Privacy privacy,
		OffsetDateTime opensAt, OffsetDateTime closesAt, ZoneId timeZone, OffsetDateTime publishedAt,
		DiscussionStatus statusOverride, OffsetDateTime createdAt, OffsetDateTime closedAt) {

	/** A discussion nobody closed by hand. */
	public Discussion(UUID id, UUID importId, String title, String description, Privacy privacy, OffsetDateTime opensAt,
			OffsetDateTime closesAt, ZoneId timeZone, OffsetDateTime publishedAt, DiscussionStatus statusOverride,
			OffsetDateTime createdAt) {
		this(id, importId, title, description, privacy, opensAt, closesAt, timeZone, publishedAt, statusOverride,
				createdAt, null);
	}

	/**
	 * The moment it closed, once closed: the organiser's closing by hand, else its close
	 * date; null while it is not closed.
	 */
	public OffsetDateTime closedOn(Clock clock) {
		if (status(clock) != DiscussionStatus.CLOSED) {
			return null;
		}
		if (this.statusOverride == DiscussionStatus.CLOSED && this.closedAt != null) {
			return this.closedAt;
		}
		return this.closesAt;
	}

	public DiscussionStatus status(Clock clock) {
		if (this.publishedAt == null) {
			return DiscussionStatus.DRAFT;
		}
		if (this.statusOverride != null) {
			return this.statusOverride;
		}
		OffsetDateTime now = OffsetDateTime.now(clock);
		if (this.closesAt != null && !now.isBefore(this.closesAt)) {
			return DiscussionStatus.CLOSED;
		}
		if (this.opensAt != null && now.isBefore(this.opensAt)) {
			return DiscussionStatus.DRAFT;
		}
		return DiscussionStatus.OPEN;
	}

	/** Published, but its open date is still to come. */
	public boolean isScheduled(Clock clock) {
		return this.publishedAt != null && status(clock) == DiscussionStatus.DRAFT;
	}

	public boolean isPublished() {
		return this.publishedAt != null;
	}

	public Discussion publish(Clock clock) {
		if (this.publishedAt != null) {
			return this;
		}
		return new Discussion(this.id, this.importId, this.title, this.description, this.privacy, this.opensAt,
				this.closesAt, this.timeZone, OffsetDateTime.now(clock), null, this.createdAt);
	}

	/** Closes it now, whatever its dates say. */
	public Discussion close(Clock clock) {
		return new Discussion(this.id, this.importId, this.title, this.description, this.privacy, this.opensAt,
				this.closesAt, this.timeZone, (this.publishedAt != null) ? this.publishedAt : OffsetDateTime.now(clock),
				DiscussionStatus.CLOSED, this.createdAt,
				(this.statusOverride == DiscussionStatus.CLOSED && this.closedAt != null) ? this.closedAt
						: OffsetDateTime.now(clock));
	}

	/**
	 * Opens it again now, even past its close date, until closed by hand or given new
	 * dates.
	 */
	public Discussion reopen(Clock clock) {
		return new Discussion(this.id, this.importId, this.title, this.description, this.privacy, this.opensAt,
				this.closesAt, this.timeZone, (this.publishedAt != null) ? this.publishedAt : OffsetDateTime.now(clock),
				DiscussionStatus.OPEN, this.createdAt);
	}

	/** Back to a draft, for fixing the outline before publishing again. */
	public Discussion unpublish() {
		return new Discussion(this.id, this.importId, this.title, this.description, this.privacy, this.opensAt,
				this.closesAt, this.timeZone, null, null, this.createdAt);
	}

	public Discussion describe(String newTitle, String newDescription) {
		return new Discussion(this.id, this.importId, newTitle, newDescription, this.privacy, this.opensAt,
				this.closesAt, this.timeZone, this.publishedAt, this.statusOverride, this.createdAt, this.closedAt);
	}

	/** New dates; the status follows them again. */
	public Discussion schedule(OffsetDateTime opens, OffsetDateTime closes, ZoneId zone) {
		if (opens != null && closes != null && !closes.isAfter(opens)) {
			throw new IllegalArgumentException("closes before it opens");
		}
		return new Discussion(this.id, this.importId, this.title, this.description, this.privacy, opens, closes, zone,
				this.publishedAt, null, this.createdAt);
	}

	public Discussion withPrivacy(Privacy newPrivacy) {
		return new Discussion(this.id, this.importId, this.title, this.description, newPrivacy, this.opensAt,
				this.closesAt, this.timeZone, this.publishedAt, this.statusOverride, this.createdAt, this.closedAt);
	}

}
