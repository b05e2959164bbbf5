package org.parley.standalone;

import java.nio.file.Files;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.parley.domain.organiser.Organiser;
import org.parley.domain.organiser.OrganiserRepository;
import org.parley.domain.test.TestInfrastructure;

import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * One standalone Parley per test JVM, as a user starts it. With
 * {@code -Dparley.test.infra=external} its three apps use the machine's PostgreSQL and
 * RabbitMQ instead of H2 and the embedded broker.
 */
final class RunningParley {

	static final String ADMIN = "admin@parley.local";

	static final String PASSWORD = "standalone-test-secret";

	private static StandaloneApplication app;

	private RunningParley() {
	}

	static synchronized StandaloneApplication get() throws Exception {
		if (app == null) {
			Map<String, Object> overrides = new HashMap<>();
			overrides.put("parley.admin.email", ADMIN);
			overrides.put("parley.admin.password", PASSWORD);
			// Drive imports reach a local fake of Google Drive, never Google.
			overrides.put("parley.drive.root-url", FakeGoogleDrive.rootUrl());
			overrides.put("parley.drive.api-key", "standalone-test-key");
			// A relay that takes one message a second, so that browser tests see
			// invitation counts move.
			overrides.put("parley.invitation.delivery.rate-per-second", "1");
			overrides.put("parley.invitation.delivery.rate-window", "1s");
			if (TestInfrastructure.external()) {
				overrides.putAll(TestInfrastructure.databaseProperties());
				overrides.putAll(TestInfrastructure.brokerProperties());
				// A database of its own: the modules tested before leave batches and
				// imports behind that
				// this Parley's workers would otherwise take up, at the slow mail rate
				// set above.
				overrides.put("spring.datasource.url", TestInfrastructure.freshDatabase("parley_standalone_test"));
			}
			app = StandaloneApplication.run(new StandaloneSettings(Files.createTempDirectory("parley-standalone"), 0, 0,
					0, TestInfrastructure.freePort(), TestInfrastructure.freePort(), overrides));
			Runtime.getRuntime().addShutdownHook(new Thread(app::close));
			// A shared database may already have its first organiser, made by another
			// test run.
			OrganiserRepository organisers = app.web().getBean(OrganiserRepository.class);
			if (organisers.findByEmail(ADMIN).isEmpty()) {
				organisers.add(new Organiser(UUID.randomUUID(), ADMIN,
						app.web().getBean(PasswordEncoder.class).encode(PASSWORD), "Admin", OffsetDateTime.now()));
			}
		}
		return app;
	}

	static String baseUrl() throws Exception {
		return "http://localhost:" + get().webPort();
	}

}
