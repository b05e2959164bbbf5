package org.parley.web.participation;

import java.security.Principal;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import org.parley.domain.links.LinkSigner;
import org.parley.domain.messaging.SignInLinkRequested;
import org.parley.domain.messaging.Topology;
import org.parley.domain.outbox.Outbox;
import org.parley.domain.participation.Participant;
import org.parley.domain.participation.ParticipantRepository;
import org.parley.domain.participation.SignInLink;
import org.parley.domain.participation.SignInLinkRepository;
import org.parley.web.discussion.DiscussionAccess;
import org.parley.web.system.OutboxSchedule;
import org.parley.web.system.ProblemException;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Magic links: asked for by email, mailed by the invite-worker, used once before they
 * expire. Asking never tells whether the address is known, nor whether a private
 * discussion exists.
 */
@Service
public class SignInLinks {

	static final String PURPOSE = "sign-in";

	private static final Pattern EMAIL = Pattern.compile("^[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]{2,}$");

	private final SignInLinkRepository links;

	private final ParticipantRepository participants;

	private final DiscussionAccess access;

	private final LinkSigner signer;

	private final Outbox outbox;

	private final OutboxSchedule relay;

	private final ParticipationSettings settings;

	private final Clock clock;

	SignInLinks(SignInLinkRepository links, ParticipantRepository participants, DiscussionAccess access,
			LinkSigner signer, Outbox outbox, OutboxSchedule relay, ParticipationSettings settings, Clock clock) {
		this.links = links;
		this.participants = participants;
		this.access = access;
		this.signer = signer;
		this.outbox = outbox;
		this.relay = relay;
		this.settings = settings;
		this.clock = clock;
	}

	@Transactional
	public void request(String email, UUID discussionId, Principal principal) {
		if (email == null || email.length() > 320 || !EMAIL.matcher(email.strip()).matches()) {
			throw new ProblemException(HttpStatus.BAD_REQUEST, "INVALID_EMAIL", "Invalid email address",
					"Please check the email address: it does not look complete.");
		}
		if (discussionId != null && this.access.readable(discussionId, principal).isEmpty()
				&& !this.access.isReadableByEmail(discussionId, email)) {
			// The same answer as for a real link, so that asking reveals no private
			// discussion.
			return;
		}
		OffsetDateTime now = OffsetDateTime.now(this.clock);
		if (this.links.countSince(email, now.minusHours(1)) >= this.settings.signInLinksPerHour()) {
			throw new ProblemException(HttpStatus.TOO_MANY_REQUESTS, "RATE_LIMITED", "Too many links",
					"We already sent several sign-in links to this address. Please use the newest one or try again later.");
		}
		SignInLink link = new SignInLink(UUID.randomUUID(), email.strip(), discussionId, now,
				now.plus(this.settings.signInLinkTtl()), null);
		this.links.add(link);
		UUID messageId = UUID.randomUUID();
		this.outbox.enqueue(messageId, Topology.WORK_EXCHANGE, Topology.SIGN_IN_LINK_REQUESTED,
				new SignInLinkRequested(messageId, link.id()));
		this.relay.relayAfterCommit();
	}

	/** The link's token, as the mail carries it. */
	public String token(UUID linkId) {
		return this.signer.sign(PURPOSE, linkId);
	}

	/**
	 * Uses the link once: the participant it signs in and where to go, or empty when the
	 * link is forged, used or expired.
	 */
	@Transactional
	public Optional<SignedIn> use(String token) {
		OffsetDateTime now = OffsetDateTime.now(this.clock);
		return this.signer.verify(PURPOSE, token)
			.flatMap(this.links::findById)
			.filter(link -> this.links.use(link.id(), now))
			.map(link -> new SignedIn(this.participants.findOrCreate(link.email(), now), link.discussionId()));
	}

	/** Who signed in, and the discussion the link was for, if any. */
	public record SignedIn(Participant participant, UUID discussionId) {
	}

}
