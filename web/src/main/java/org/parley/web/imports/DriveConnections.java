package org.parley.web.imports;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;

import org.parley.domain.drive.DriveAuthorization;
import org.parley.domain.drive.DriveAuthorizationRepository;
import org.parley.domain.drive.TokenCipher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.stereotype.Service;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Organisers' connected Google accounts: keeps the refresh token Google granted, sealed
 * with the key the ingest-worker opens it with, and the account's email so the page can
 * say which account Parley reads Drive as. Drive itself is asked which account it is,
 * with the read-only scope the organiser granted, so no further scope is needed.
 */
@Service
class DriveConnections {

	private static final Logger log = LoggerFactory.getLogger(DriveConnections.class);

	private final DriveAuthorizationRepository authorizations;

	private final DriveSettings settings;

	private final Clock clock;

	private final RestClient drive;

	private final TokenCipher cipher;

	DriveConnections(DriveAuthorizationRepository authorizations, DriveSettings settings, Clock clock) {
		this.authorizations = authorizations;
		this.settings = settings;
		this.clock = clock;
		SimpleClientHttpRequestFactory requests = new SimpleClientHttpRequestFactory();
		requests.setConnectTimeout(Duration.ofSeconds(10));
		requests.setReadTimeout(Duration.ofSeconds(10));
		this.drive = RestClient.builder().requestFactory(requests).build();
		// A bad key stops the start-up here rather than failing each organiser later.
		this.cipher = settings.canConnect() ? TokenCipher.fromBase64Key(settings.tokenEncryptionKey()) : null;
	}

	boolean canConnect() {
		return this.cipher != null;
	}

	Optional<DriveAuthorization> of(UUID organiserId) {
		return canConnect() ? this.authorizations.findByOrganiser(organiserId) : Optional.empty();
	}

	void connect(UUID organiserId, String refreshToken, String accessToken, String scope) {
		this.authorizations.save(new DriveAuthorization(organiserId, accountEmail(accessToken),
				this.cipher.seal(refreshToken, organiserId), scope, OffsetDateTime.now(this.clock)));
		log.info("Organiser {} connected Google Drive", organiserId);
	}

	void disconnect(UUID organiserId) {
		if (this.authorizations.remove(organiserId)) {
			log.info("Organiser {} disconnected Google Drive", organiserId);
		}
	}

	private String accountEmail(String accessToken) {
		try {
			About about = this.drive.get()
				.uri(UriComponentsBuilder.fromUri(this.settings.rootUrl())
					.path("drive/v3/about")
					.queryParam("fields", "user(emailAddress)")
					.build()
					.toUri())
				.headers(headers -> headers.setBearerAuth(accessToken))
				.retrieve()
				.body(About.class);
			return (about != null && about.user() != null) ? about.user().emailAddress() : null;
		}
		catch (RestClientException ex) {
			// The page then says "Connected" without the address; imports do not need it.
			log.info("Drive did not say which account was connected: {}", ex.getClass().getSimpleName());
			return null;
		}
	}

	record About(User user) {

		record User(String emailAddress) {
		}

	}

}
