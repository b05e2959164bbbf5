package org.parley.web.account;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.UUID;

import org.parley.domain.invitation.EmailAddress;
import org.parley.domain.links.LinkSigner;
import org.parley.domain.organiser.Organiser;
import org.parley.domain.organiser.OrganiserRepository;
import org.parley.domain.organiser.OrganiserSetup;
import org.parley.domain.organiser.OrganiserSetupRepository;
import org.parley.domain.organiser.PasswordPolicy;
import org.parley.web.system.ProblemException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Organisers' own accounts: a password change needs the current password (checked through
 * the {@link LoginThrottle}, like a sign-in), and a new password must pass the
 * {@link PasswordPolicy}. An organiser adds another by email: the new account has no
 * usable password until its owner opens the one-time set-up link, which is signed,
 * expires and works once.
 */
@Service
public class OrganiserAccounts {

	static final String SETUP_PURPOSE = "organiser-setup";

	private static final Logger log = LoggerFactory.getLogger(OrganiserAccounts.class);

	private final OrganiserRepository organisers;

	private final OrganiserSetupRepository setups;

	private final PasswordEncoder passwords;

	private final LoginThrottle throttle;

	private final LinkSigner links;

	private final AccountSettings settings;

	private final Clock clock;

	OrganiserAccounts(OrganiserRepository organisers, OrganiserSetupRepository setups, PasswordEncoder passwords,
			LoginThrottle throttle, LinkSigner links, AccountSettings settings, Clock clock) {
		this.organisers = organisers;
		this.setups = setups;
		this.passwords = passwords;
		this.throttle = throttle;
		this.links = links;
		this.settings = settings;
		this.clock = clock;
	}

	/**
	 * Changes the organiser's password.
	 * @throws ProblemException {@code WRONG_PASSWORD}, {@code WEAK_PASSWORD} or
	 * {@code TOO_MANY_ATTEMPTS}
	 */
	public void changePassword(UUID organiserId, String client, String current, String next) {
		Organiser organiser = this.organisers.findById(organiserId).orElseThrow(ProblemException::notFound);
		LoginThrottle.Attempt attempt = this.throttle.begin(organiser.email(), client);
		if (attempt.isRefused()) {
			throw tooManyAttempts();
		}
		boolean right;
		try {
			right = current != null && this.passwords.matches(current, organiser.passwordHash());
		}
		catch (PasswordChecksBusy ex) {
			this.throttle.abandon(attempt);
			throw tooManyAttempts();
		}
		this.throttle.finish(attempt, right);
		if (!right) {
			throw new ProblemException(HttpStatus.BAD_REQUEST, "WRONG_PASSWORD", "Wrong password",
					"The current password is not right.");
		}
		requireStrong(next);
		this.organisers.changePassword(organiserId, this.passwords.encode(next));
		log.info("Organiser {} changed their password", organiserId);
	}

	/**
	 * Adds an organiser with no usable password yet, and a set-up link for them.
	 * @return the set-up token, for the link {@code /organiser-setup/{token}}
	 * @throws ProblemException {@code INVALID_EMAIL} or {@code ORGANISER_EXISTS}
	 */
	@Transactional
	public NewOrganiser add(UUID invitedBy, String email, String displayName) {
		String address = (email == null) ? "" : email.strip();
		if (EmailAddress.problem(address).isPresent()) {
			throw new ProblemException(HttpStatus.BAD_REQUEST, "INVALID_EMAIL", "Invalid email address",
					"That is not an email address.");
		}
		if (this.organisers.findByEmail(address).isPresent()) {
			throw organiserExists();
		}
		OffsetDateTime now = OffsetDateTime.now(this.clock);
		UUID id = UUID.randomUUID();
		// A hash of a password nobody knows: the account opens only through the link.
		String unusable = this.passwords.encode(UUID.randomUUID() + "" + UUID.randomUUID());
		String name = (displayName == null || displayName.isBlank()) ? null : displayName.strip();
		try {
			this.organisers.add(new Organiser(id, address, unusable, name, now));
		}
		catch (DuplicateKeyException ex) {
			throw organiserExists();
		}
		OrganiserSetup setup = new OrganiserSetup(UUID.randomUUID(), id, invitedBy, now,
				now.plus(this.settings.setupLinkValidFor()), null);
		this.setups.add(setup);
		log.info("Organiser {} added organiser {}", invitedBy, id);
		return new NewOrganiser(id, OrganiserRepository.normalise(address), this.links.sign(SETUP_PURPOSE, setup.id()),
				setup.expiresAt());
	}

	/** The open set-up link behind the token, or a problem saying why there is none. */
	public OrganiserSetup openSetup(String token) {
		OrganiserSetup setup = this.links.verify(SETUP_PURPOSE, token)
			.flatMap(this.setups::findById)
			.orElseThrow(ProblemException::notFound);
		if (!setup.isOpen(OffsetDateTime.now(this.clock))) {
			throw new ProblemException(HttpStatus.GONE, "SETUP_LINK_EXPIRED", "Link used or expired",
					"This set-up link has been used or has expired. Please ask an organiser for a new one.");
		}
		return setup;
	}

	/** Sets the new organiser's password through the link, which then stops working. */
	@Transactional
	public void completeSetup(String token, String password) {
		OrganiserSetup setup = openSetup(token);
		requireStrong(password);
		if (!this.setups.use(setup.id(), OffsetDateTime.now(this.clock))) {
			throw new ProblemException(HttpStatus.GONE, "SETUP_LINK_EXPIRED", "Link used or expired",
					"This set-up link has been used or has expired. Please ask an organiser for a new one.");
		}
		this.organisers.changePassword(setup.organiserId(), this.passwords.encode(password));
		log.info("Organiser {} set their password through their set-up link", setup.organiserId());
	}

	private static void requireStrong(String password) {
		PasswordPolicy.problem(password).ifPresent(problem -> {
			throw new ProblemException(HttpStatus.BAD_REQUEST, "WEAK_PASSWORD", "Password too weak",
					"The new password " + problem + ". Choose one of at least " + PasswordPolicy.MINIMUM
							+ " characters that is not a common password.");
		});
	}

	static ProblemException tooManyAttempts() {
		return new ProblemException(HttpStatus.TOO_MANY_REQUESTS, LoginThrottleFilter.CODE, "Too many sign-in attempts",
				"There were too many sign-in attempts. Please wait a few minutes, then try again.");
	}

	private static ProblemException organiserExists() {
		return new ProblemException(HttpStatus.CONFLICT, "ORGANISER_EXISTS", "Already an organiser",
				"There is already an organiser with that email address.");
	}

	/**
	 * An organiser just added, with the token of their set-up link, which is shown once.
	 */
	public record NewOrganiser(UUID id, String email, String setupToken, OffsetDateTime expiresAt) {
	}

}
