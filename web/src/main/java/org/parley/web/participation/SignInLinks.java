package org.parley.web.participation;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;

import org.parley.domain.discussion.DiscussionRepository;
import org.parley.domain.invitation.EmailAddress;
import org.parley.domain.links.LinkSigner;
import org.parley.domain.messaging.SignInLinkRequested;
import org.parley.domain.outbox.Outbox;
import org.parley.domain.participation.Participant;
import org.parley.domain.participation.ParticipantRepository;
import org.parley.domain.participation.SignInLink;
import org.parley.domain.participation.SignInLinkRepository;
import org.parley.web.system.ProblemException;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Magic links: asked for by email, mailed by the invite-worker, used a few times before
 * they expire. Asking never tells whether the address is known, whether it is invited,
 * nor whether a private discussion exists: every well-formed request does the same work
 * here (the same limits, one stored link, one message), and the invite-worker decides
 * whether the address may read the discussion and so gets the mail.
 */
@Service
public class SignInLinks {

	static final String PURPOSE = "sign-in";

	private final SignInLinkRepository links;

	private final ParticipantRepository participants;

	private final DiscussionRepository discussions;

	private final LinkSigner signer;

	private final Outbox outbox;

	private final SignInRate rate;

	private final ParticipationSettings settings;

	private final Clock clock;

	SignInLinks(SignInLinkRepository links, ParticipantRepository participants, DiscussionRepository discussions,
			LinkSigner signer, Outbox outbox, SignInRate rate, ParticipationSettings settings, Clock clock) {
		this.links = links;
		this.participants = participants;
		this.discussions = discussions;
		this.signer = signer;
		this.outbox = outbox;
		this.rate = rate;
		this.settings = settings;
		this.clock = clock;
	}

	/**
	 * Asks for a link on behalf of a client (its IP address, as the trusted proxies give
	 * it).
	 */
	@Transactional
	public void request(String email, UUID discussionId, String client) {
		String address = (email != null && email.length() <= 320) ? EmailAddress.normalise(email) : null;
		if (address == null || EmailAddress.problem(address).isPresent()) {
			throw new ProblemException(HttpStatus.BAD_REQUEST, "INVALID_EMAIL", "Invalid email address",
					"Please check the email address: it does not look complete.");
		}
		this.rate.acquire(client);
		OffsetDateTime now = OffsetDateTime.now(this.clock);
		if (this.links.countSince(address, now.minusHours(1)) >= this.settings.signInLinksPerHour()) {
			throw rateLimited();
		}
		// A link for a discussion that does not exist is a plain sign-in link: the same
		// work and the same answer as for one that does.
		UUID target = (discussionId != null && this.discussions.findById(discussionId).isPresent()) ? discussionId
				: null;
		SignInLink link = new SignInLink(UUID.randomUUID(), address, target, now,
				now.plus(this.settings.signInLinkTtl()), null);
		this.links.add(link);
		this.outbox.send(new SignInLinkRequested(UUID.randomUUID(), link.id()));
	}

	static ProblemException rateLimited() {
		return new ProblemException(HttpStatus.TOO_MANY_REQUESTS, "RATE_LIMITED", "Too many links",
				"We already sent several sign-in links. Please use the newest one or try again later.");
	}

	/** The link's token, as the mail carries it. */
	public String token(UUID linkId) {
		return this.signer.sign(PURPOSE, linkId);
	}

	/** The link the token names, if it is genuine and can still sign in. */
	@Transactional(readOnly = true)
	public Optional<SignInLink> usable(String token) {
		OffsetDateTime now = OffsetDateTime.now(this.clock);
		return this.signer.verify(PURPOSE, token)
			.filter(id -> this.links.isUsable(id, now, this.settings.signInLinkUses()))
			.flatMap(this.links::findById);
	}

	/**
	 * Uses the link once more: the participant it signs in and where to go, or empty when
	 * the link is forged, used up or expired.
	 */
	@Transactional
	public Optional<SignedIn> use(String token) {
		OffsetDateTime now = OffsetDateTime.now(this.clock);
		return this.signer.verify(PURPOSE, token)
			.flatMap(this.links::findById)
			.filter(link -> this.links.use(link.id(), now, this.settings.signInLinkUses()))
			.map(link -> new SignedIn(this.participants.findOrCreate(link.email(), now), link.discussionId()));
	}

	/** Who signed in, and the discussion the link was for, if any. */
	public record SignedIn(Participant participant, UUID discussionId) {
	}

}
