package org.parley.web.system;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.UUID;

import org.parley.domain.organiser.Organiser;
import org.parley.domain.organiser.OrganiserRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * On first start with no organiser, creates one from PARLEY_ADMIN_EMAIL and
 * PARLEY_ADMIN_PASSWORD. Without a password, a random one is generated and logged once.
 */
@Component
class FirstOrganiser implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(FirstOrganiser.class);

	private final OrganiserRepository organisers;

	private final PasswordEncoder passwords;

	private final AdminSettings settings;

	private final Clock clock;

	FirstOrganiser(OrganiserRepository organisers, PasswordEncoder passwords, AdminSettings settings, Clock clock) {
		this.organisers = organisers;
		this.passwords = passwords;
		this.settings = settings;
		this.clock = clock;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (this.organisers.count() > 0) {
			return;
		}
		String password = this.settings.password();
		boolean generated = password == null || password.isBlank();
		if (generated) {
			byte[] random = new byte[18];
			new SecureRandom().nextBytes(random);
			password = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
		}
		try {
			this.organisers.add(new Organiser(UUID.randomUUID(), this.settings.email(), this.passwords.encode(password),
					"Organiser", OffsetDateTime.now(this.clock)));
		}
		catch (DuplicateKeyException ex) {
			return; // another web instance created it at the same moment
		}
		if (generated) {
			log.warn("Created the first organiser {} with the generated password: {}", this.settings.email(), password);
		}
		else {
			log.info("Created the first organiser {}", this.settings.email());
		}
	}

	/** Read from PARLEY_ADMIN_EMAIL and PARLEY_ADMIN_PASSWORD. */
	@ConfigurationProperties("parley.admin")
	record AdminSettings(String email, String password) {

		AdminSettings {
			if (email == null || email.isBlank()) {
				email = "admin@parley.local";
			}
		}

	}

}
