package org.parley.standalone;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import org.parley.ingest.IngestWorkerApplication;
import org.parley.invite.InviteWorkerApplication;
import org.parley.web.WebApplication;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Starts the embedded infrastructure, then the three apps with their own configuration
 * and only the connection settings pointed at it. Settings come from the environment:
 * PARLEY_DATA_DIR (default ./data), PARLEY_WEB_PORT (8080), PARLEY_AMQP_PORT (5673),
 * PARLEY_SMTP_PORT (3025), PARLEY_ADMIN_EMAIL and PARLEY_ADMIN_PASSWORD.
 */
public final class StandaloneApplication implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(StandaloneApplication.class);

	private static final List<String> WORKERS_WITHOUT_SECURITY = List.of(
			"org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration",
			"org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration",
			"org.springframework.boot.security.autoconfigure.actuate.web.servlet.ManagementWebSecurityAutoConfiguration",
			"org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterAutoConfiguration",
			"org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration",
			"org.springframework.boot.security.oauth2.client.autoconfigure.OAuth2ClientAutoConfiguration",
			"org.springframework.boot.security.oauth2.client.autoconfigure.servlet.OAuth2ClientWebSecurityAutoConfiguration");

	private final EmbeddedBroker broker;

	private final GreenMail mail;

	private final List<ConfigurableApplicationContext> apps = new ArrayList<>();

	private StandaloneApplication(StandaloneSettings settings, String[] args) throws Exception {
		Path data = Files.createDirectories(settings.dataDirectory());
		this.broker = EmbeddedBroker.start(settings.amqpPort(), Files.createDirectories(data.resolve("broker")));
		this.mail = new GreenMail(new ServerSetup(settings.smtpPort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
		this.mail.start();
		Map<String, Object> common = new LinkedHashMap<>(settings.connectionProperties(data));
		// One JVM, nobody to share a secret with: what is not given is made up below or
		// by the apps.
		common.putIfAbsent("parley.secrets.generate-missing", true);
		if (System.getenv("PARLEY_INVITATION_LINK_SECRET") == null) {
			common.putIfAbsent("parley.invitation.link-secret", linkSecret(data));
		}
		if (System.getenv("PARLEY_DRIVE_TOKEN_ENCRYPTION_KEY") == null) {
			// Organisers' Drive refresh tokens stay readable after a restart; a
			// production deployment
			// keeps this key apart from the database.
			common.putIfAbsent("parley.drive.token-encryption-key", driveTokenKey(data));
		}
		if (System.getenv("PARLEY_LINKS_SECRET") == null && common.get("parley.invitation.link-secret") != null) {
			// Sign-in and notification links: made by the invite-worker, opened by the
			// web.
			common.putIfAbsent("parley.links.secret", common.get("parley.invitation.link-secret"));
		}
		CaughtMail caught = new CaughtMail(this.mail);
		this.apps.add(start(
				WebApplication.builder()
					.initializers(ctx -> ctx.getBeanFactory().registerSingleton("devMailbox", caught)),
				common, settings.webPort(), args));
		Map<String, Object> worker = new LinkedHashMap<>(common);
		// The web's Spring Security is on this one classpath; the workers run without it,
		// as they
		// do on their own, so that their health and metrics answer without the web's
		// login.
		worker.put("spring.autoconfigure.exclude", String.join(",", WORKERS_WITHOUT_SECURITY));
		this.apps.add(start(IngestWorkerApplication.builder(), worker, settings.ingestPort(), args));
		Map<String, Object> invite = new LinkedHashMap<>(worker);
		// Links in the invitations lead to this web, whose port is only known now.
		invite.putIfAbsent("parley.invitation.public-url", "http://localhost:" + webPort());
		this.apps.add(start(InviteWorkerApplication.builder(), invite, settings.invitePort(), args));
	}

	public static void main(String[] args) throws Exception {
		StandaloneApplication app = run(StandaloneSettings.fromEnvironment(System.getenv()), args);
		Runtime.getRuntime().addShutdownHook(new Thread(app::close, "parley-shutdown"));
		log.info("Parley is running at http://localhost:{}/", app.webPort());
	}

	public static StandaloneApplication run(StandaloneSettings settings, String... args) throws Exception {
		return new StandaloneApplication(settings, args);
	}

	/** The web app's context. */
	public ConfigurableApplicationContext web() {
		return this.apps.get(0);
	}

	/** The ingest-worker's context. */
	public ConfigurableApplicationContext ingestWorker() {
		return this.apps.get(1);
	}

	/** The invite-worker's context. */
	public ConfigurableApplicationContext inviteWorker() {
		return this.apps.get(2);
	}

	/** The port the web listens on, also when it was picked at random. */
	public int webPort() {
		return Integer.parseInt(this.apps.get(0).getEnvironment().getProperty("local.server.port"));
	}

	/**
	 * The key of the invitations' personal links, made once per data directory so that
	 * links still work after a restart.
	 */
	private static String linkSecret(Path data) throws java.io.IOException {
		Path file = data.resolve("invitation-link-secret");
		if (Files.exists(file)) {
			return Files.readString(file).strip();
		}
		byte[] random = new byte[32];
		new java.security.SecureRandom().nextBytes(random);
		String secret = java.util.HexFormat.of().formatHex(random);
		Files.writeString(file, secret);
		return secret;
	}

	/**
	 * The key that seals organisers' Drive refresh tokens, made once per data directory.
	 */
	private static String driveTokenKey(Path data) throws java.io.IOException {
		Path file = data.resolve("drive-token-key");
		if (Files.exists(file)) {
			return Files.readString(file).strip();
		}
		byte[] random = new byte[32];
		new java.security.SecureRandom().nextBytes(random);
		String key = java.util.Base64.getEncoder().encodeToString(random);
		Files.writeString(file, key);
		return key;
	}

	public GreenMail mail() {
		return this.mail;
	}

	private static ConfigurableApplicationContext start(SpringApplicationBuilder builder, Map<String, Object> common,
			int port, String[] args) {
		Map<String, Object> properties = new LinkedHashMap<>(common);
		properties.put("server.port", port);
		// Default properties rank below the app's own file, so these go in as a property
		// source on top.
		return builder
			.initializers(ctx -> ctx.getEnvironment()
				.getPropertySources()
				.addFirst(new org.springframework.core.env.MapPropertySource("parley-standalone", properties)))
			.run(args);
	}

	@Override
	public void close() {
		for (int i = this.apps.size() - 1; i >= 0; i--) {
			this.apps.get(i).close();
		}
		this.mail.stop();
		this.broker.close();
	}

}
