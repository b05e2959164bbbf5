package org.parley.web.notification;

import java.security.Principal;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Optional;
import java.util.UUID;

import org.parley.domain.links.LinkSigner;
import org.parley.domain.notification.FollowRepository;
import org.parley.domain.notification.NotificationFrequency;
import org.parley.domain.notification.NotificationMail;
import org.parley.domain.notification.NotificationPreferenceRepository;
import org.parley.domain.notification.NotificationPreferences;
import org.parley.domain.notification.NotificationRepository;
import org.parley.domain.discussion.DiscussionRepository;
import org.parley.domain.participation.Participant;
import org.parley.domain.participation.ParticipantRepository;
import org.parley.web.system.CurrentOrganiser;
import org.parley.web.system.ProblemException;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Participants' notification settings, follows, and unsubscribing by link. The
 * invite-worker reads the settings just before each send, so a change stops mails already
 * queued.
 */
@Service
class NotificationChoices {

	/** The purpose of the unsubscribe tokens the invite-worker signs. */
	static final String UNSUBSCRIBE = "unsubscribe-notifications";

	private final NotificationPreferenceRepository preferences;

	private final NotificationRepository notifications;

	private final FollowRepository follows;

	private final ParticipantRepository participants;

	private final DiscussionRepository discussions;

	private final CurrentOrganiser organiser;

	private final LinkSigner signer;

	private final Clock clock;

	NotificationChoices(NotificationPreferenceRepository preferences, NotificationRepository notifications,
			FollowRepository follows, ParticipantRepository participants, DiscussionRepository discussions,
			CurrentOrganiser organiser, LinkSigner signer, Clock clock) {
		this.preferences = preferences;
		this.notifications = notifications;
		this.follows = follows;
		this.participants = participants;
		this.discussions = discussions;
		this.organiser = organiser;
		this.signer = signer;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	NotificationSettingsView settings(Principal principal, UUID discussionId) {
		Optional<Participant> participant = this.participants.findByEmail(principal.getName());
		NotificationPreferences defaults = participant.map(p -> this.preferences.defaults(p.id()))
			.orElse(NotificationPreferences.DEFAULT);
		NotificationSettingsView.DiscussionChoice discussion = null;
		if (discussionId != null) {
			discussion = new NotificationSettingsView.DiscussionChoice(discussionId,
					participant.flatMap(p -> this.preferences.forDiscussion(p.id(), discussionId)).orElse(null),
					participant.map(p -> this.follows.follows(discussionId, p.id())).orElse(false));
		}
		return new NotificationSettingsView(defaults.replies(),
				(defaults.timeZone() != null) ? defaults.timeZone().getId() : null, defaults.stopped(), discussion);
	}

	@Transactional
	NotificationSettingsView change(Principal principal, NotificationSettingsForm form) {
		Participant participant = this.participants.findOrCreate(principal.getName(), now());
		if (form.discussionId() != null) {
			if (form.replies() == null) {
				throw invalid("Please choose IMMEDIATE, DAILY, IMMEDIATE_AND_DAILY or NONE for this discussion.");
			}
			if (this.discussions.findById(form.discussionId()).isEmpty()) {
				throw ProblemException.notFound();
			}
			this.preferences.saveForDiscussion(participant.id(), form.discussionId(), form.replies(), now());
			return settings(principal, form.discussionId());
		}
		NotificationPreferences current = this.preferences.defaults(participant.id());
		ZoneId zone = current.timeZone();
		if (form.timeZone() != null) {
			try {
				zone = form.timeZone().isBlank() ? null : ZoneId.of(form.timeZone());
			}
			catch (DateTimeException ex) {
				throw invalid("Unknown time zone: please give one like Europe/Paris.");
			}
		}
		this.preferences.saveDefaults(participant.id(),
				new NotificationPreferences((form.replies() != null) ? form.replies() : current.replies(), zone,
						(form.stopAll() != null) ? form.stopAll() : current.stopped()),
				now());
		return settings(principal, null);
	}

	/** An organiser of the discussion hears about every new comment in it, or stops. */
	@Transactional
	void follow(UUID discussionId, Principal principal, boolean follow) {
		UUID organiserId = this.organiser.require(principal);
		if (!this.discussions.isOrganisedBy(discussionId, organiserId)) {
			throw ProblemException.notFound();
		}
		Participant participant = this.participants.findOrCreate(principal.getName(), now());
		if (follow) {
			this.follows.follow(discussionId, participant.id(), now());
		}
		else {
			this.follows.unfollow(discussionId, participant.id());
		}
	}

	/** The mail an unsubscribe token names: whom, and about which discussion. */
	@Transactional(readOnly = true)
	Unsubscription find(String token) {
		NotificationMail mail = this.signer.verify(UNSUBSCRIBE, token)
			.flatMap(this.notifications::findMail)
			.orElseThrow(ProblemException::notFound);
		Participant participant = this.participants.findById(mail.recipientId())
			.orElseThrow(ProblemException::notFound);
		String title = this.discussions.findById(mail.discussionId()).map(d -> d.title()).orElse("");
		boolean done = this.preferences.effective(mail.recipientId(),
				mail.discussionId()) == NotificationFrequency.NONE;
		return new Unsubscription(mail.recipientId(), mail.discussionId(), participant.email(), title, done);
	}

	/** Stops the discussion's notifications for the mail's recipient, at once. */
	@Transactional
	Unsubscription unsubscribe(String token) {
		Unsubscription found = find(token);
		this.preferences.saveForDiscussion(found.participantId(), found.discussionId(), NotificationFrequency.NONE,
				now());
		return new Unsubscription(found.participantId(), found.discussionId(), found.email(), found.title(), true);
	}

	private static ProblemException invalid(String detail) {
		return new ProblemException(HttpStatus.BAD_REQUEST, "INVALID_SETTINGS", "Invalid settings", detail);
	}

	private OffsetDateTime now() {
		return OffsetDateTime.now(this.clock);
	}

	record Unsubscription(UUID participantId, UUID discussionId, String email, String title, boolean done) {
	}

}
