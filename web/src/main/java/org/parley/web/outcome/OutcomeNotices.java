package org.parley.web.outcome;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.UUID;

import org.parley.domain.notification.NotificationCause;
import org.parley.domain.notification.NotificationPreferenceRepository;
import org.parley.domain.notification.NotificationRepository;
import org.parley.domain.organiser.Organiser;
import org.parley.domain.organiser.OrganiserRepository;
import org.parley.domain.participation.Comment;
import org.parley.domain.participation.ParticipantRepository;

import org.springframework.stereotype.Component;

/**
 * Writes the notifications of the outcome to the ledger, in the caller's transaction: the
 * answer to its comment's author, a held or flagged comment to the discussion's
 * organisers. Each follows the recipient's notification settings (immediately, in the
 * day's digest, both, or not at all) and is due at once; the invite-worker's sweep sends
 * it, and checks the settings again just before.
 */
@Component
public class OutcomeNotices {

	private final NotificationRepository notifications;

	private final NotificationPreferenceRepository preferences;

	private final OrganiserRepository organisers;

	private final ParticipantRepository participants;

	private final Clock clock;

	OutcomeNotices(NotificationRepository notifications, NotificationPreferenceRepository preferences,
			OrganiserRepository organisers, ParticipantRepository participants, Clock clock) {
		this.notifications = notifications;
		this.preferences = preferences;
		this.organisers = organisers;
		this.participants = participants;
		this.clock = clock;
	}

	/** The organisers answered this comment: its author hears once. */
	void answered(Comment comment) {
		tell(comment, comment.participantId(), NotificationCause.RESPONSE);
	}

	/**
	 * A comment waits for approval ({@link NotificationCause#WAITING}) or was flagged
	 * ({@link NotificationCause#FLAGGED}): each organiser but its author hears once.
	 */
	public void toOrganisers(Comment comment, NotificationCause cause) {
		OffsetDateTime now = OffsetDateTime.now(this.clock);
		for (Organiser organiser : this.organisers.findByDiscussion(comment.discussionId())) {
			UUID recipient = this.participants.findOrCreate(organiser.email(), now).id();
			if (!recipient.equals(comment.participantId())) {
				tell(comment, recipient, cause);
			}
		}
	}

	private void tell(Comment comment, UUID recipient, NotificationCause cause) {
		OffsetDateTime now = OffsetDateTime.now(this.clock);
		this.notifications.record(comment.id(), recipient, comment.discussionId(), cause,
				this.preferences.effective(recipient, comment.discussionId()), now, now);
	}

}
