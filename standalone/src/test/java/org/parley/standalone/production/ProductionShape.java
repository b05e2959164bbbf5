package org.parley.standalone.production;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.parley.domain.test.TestInfrastructure;

/**
 * Parley as {@code compose.yaml} deploys it, on this machine: N processes of each app
 * started from their executable jars with compose's environment
 * ({@code config/parley.env.example}, then the app's own example env file, as an operator
 * copies them), of which only hosts, ports and credentials are changed, every secret
 * generated for the run; this machine's PostgreSQL and RabbitMQ, in a database and a
 * vhost of its own; and {@link SmtpSink} as the mail relay. Every instance has its own
 * port and its log in {@code target/production-shape/<name>/}.
 * <p>
 * Fault scenarios {@linkplain AppInstance#kill() kill} and
 * {@linkplain AppInstance#restart restart} instances, {@linkplain SmtpSink#restart
 * restart the sink} with faults, and count what the sink accepted against
 * {@link #ledger()}.
 *
 * <pre>
 * try (ProductionShape shape = ProductionShape.with(2, 2, 2).start()) {
 *     ParleyApi api = shape.api();
 *     ...
 *     shape.instance(ParleyApp.INVITE_WORKER, 1).kill();
 * }
 * </pre>
 */
final class ProductionShape implements AutoCloseable {

	/**
	 * Long enough for a start on a loaded two-core machine;
	 * {@code parley.production-shape.start-timeout}.
	 */
	static final Duration START_TIMEOUT = Duration
		.parse(System.getProperty("parley.production-shape.start-timeout", "PT5M"));

	private final Path repository;

	private final String name;

	private final Map<ParleyApp, Integer> counts;

	private final Map<ParleyApp, Map<String, String>> overrides;

	private final Path directory;

	private final String adminPassword = randomSecret(18);

	private final String linkSecret = randomSecret(36);

	private final Map<ParleyApp, List<AppInstance>> instances = new EnumMap<>(ParleyApp.class);

	private IsolatedDatabase database;

	private IsolatedVhost vhost;

	private SmtpSink sink;

	private ProductionShape(Path repository, String name, Map<ParleyApp, Integer> counts,
			Map<ParleyApp, Map<String, String>> overrides) {
		this.repository = repository;
		this.name = name;
		this.counts = counts;
		this.overrides = overrides;
		this.directory = repository.resolve("standalone/target/production-shape").resolve(name);
	}

	/**
	 * A shape of this many web, ingest-worker and invite-worker processes; not started
	 * yet.
	 */
	static ProductionShape with(int webs, int ingestWorkers, int inviteWorkers) {
		Map<ParleyApp, Integer> counts = new EnumMap<>(ParleyApp.class);
		counts.put(ParleyApp.WEB, webs);
		counts.put(ParleyApp.INGEST_WORKER, ingestWorkers);
		counts.put(ParleyApp.INVITE_WORKER, inviteWorkers);
		Map<ParleyApp, Map<String, String>> overrides = new EnumMap<>(ParleyApp.class);
		for (ParleyApp app : ParleyApp.values()) {
			overrides.put(app, new LinkedHashMap<>());
		}
		Path repository = repository();
		return new ProductionShape(repository, defaultName(repository), counts, overrides);
	}

	/**
	 * An environment variable for every instance of the app, over what the env files say.
	 */
	ProductionShape env(ParleyApp app, String variable, String value) {
		this.overrides.get(app).put(variable, value);
		return this;
	}

	/** Why this machine cannot run the shape, or {@code null} when it can. */
	static String unavailableBecause() {
		if (!TestInfrastructure.external()) {
			// It uses, and in its fault scenarios restarts, the machine's own PostgreSQL
			// and RabbitMQ.
			return "the production shape runs against the machine's PostgreSQL and RabbitMQ: use -Pexternal-infra (.ci/run does)";
		}
		Path repository = repository();
		for (ParleyApp app : ParleyApp.values()) {
			if (!Files.isRegularFile(app.jar(repository))) {
				return app.jar(repository) + " is not built (run ./mvnw verify or package first)";
			}
		}
		if (!SmtpSink.installed()) {
			return SmtpSink.EXECUTABLE + " is missing (Debian package postfix; .ci/run installs it)";
		}
		if (!IsolatedDatabase.reachable()) {
			return "no PostgreSQL at " + IsolatedDatabase.SERVER + " for user postgres";
		}
		if (!IsolatedVhost.reachable()) {
			return "no RabbitMQ on " + IsolatedVhost.HOST + ":" + IsolatedVhost.PORT + " with rabbitmqctl";
		}
		return null;
	}

	/**
	 * Starts everything and waits until every instance is healthy; on failure, stops what
	 * it started.
	 */
	ProductionShape start() {
		try {
			startAll();
			return this;
		}
		catch (RuntimeException ex) {
			close();
			throw ex;
		}
	}

	private void startAll() {
		// Whatever ends the test JVM, no process of the shape outlives it.
		Runtime.getRuntime().addShutdownHook(new Thread(() -> {
			all().forEach(AppInstance::kill);
			if (this.sink != null) {
				this.sink.stop();
			}
		}));
		deleteRecursively(this.directory);
		try {
			Files.createDirectories(this.directory);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		this.database = IsolatedDatabase.recreate(this.name.replace('-', '_'));
		this.vhost = IsolatedVhost.recreate(this.name);
		this.sink = new SmtpSink(TestInfrastructure.freePort(), this.directory.resolve("smtp-sink"));
		this.sink.start();
		int webPort = TestInfrastructure.freePort();
		for (ParleyApp app : ParleyApp.values()) {
			List<AppInstance> list = new ArrayList<>();
			for (int i = 1; i <= this.counts.get(app); i++) {
				int port = (app == ParleyApp.WEB && i == 1) ? webPort : TestInfrastructure.freePort();
				list.add(new AppInstance(app, i, port, app.jar(this.repository), environment(app, port, webPort),
						AppInstance.IMAGE_JVM_OPTIONS, this.directory.resolve(app.module() + "-" + i + ".log")));
			}
			this.instances.put(app, list);
		}
		// The first web and the workers together (Flyway's lock orders their migrations);
		// the other
		// webs after the first, which creates the first organiser in the empty database.
		List<AppInstance> first = all().stream()
			.filter(instance -> instance.app() != ParleyApp.WEB || instance == instance(ParleyApp.WEB, 1))
			.toList();
		List<AppInstance> otherWebs = instances(ParleyApp.WEB).subList(1, this.counts.get(ParleyApp.WEB));
		first.forEach(AppInstance::start);
		first.forEach(instance -> instance.awaitHealthy(START_TIMEOUT));
		otherWebs.forEach(AppInstance::start);
		otherWebs.forEach(instance -> instance.awaitHealthy(START_TIMEOUT));
	}

	private Map<String, String> environment(ParleyApp app, int port, int webPort) {
		Map<String, String> env = new LinkedHashMap<>();
		env.put("PATH", System.getenv("PATH"));
		env.put("LANG", "C.UTF-8");
		env.putAll(EnvFile.read(this.repository.resolve("config/parley.env.example")));
		env.putAll(EnvFile.read(app.envFile(this.repository)));
		// What differs from compose: where the services are, and the secrets, which the
		// examples leave as placeholders that the apps refuse.
		env.put("SPRING_DATASOURCE_URL", this.database.jdbcUrl());
		env.put("SPRING_DATASOURCE_USERNAME", IsolatedDatabase.USER);
		env.put("SPRING_DATASOURCE_PASSWORD", IsolatedDatabase.PASSWORD);
		env.put("SPRING_RABBITMQ_HOST", IsolatedVhost.HOST);
		env.put("SPRING_RABBITMQ_PORT", String.valueOf(IsolatedVhost.PORT));
		env.put("SPRING_RABBITMQ_USERNAME", IsolatedVhost.USER);
		env.put("SPRING_RABBITMQ_PASSWORD", IsolatedVhost.PASSWORD);
		env.put("SPRING_RABBITMQ_VIRTUAL_HOST", this.vhost.name());
		env.put("SPRING_MAIL_HOST", "127.0.0.1");
		env.put("SPRING_MAIL_PORT", String.valueOf(this.sink.port()));
		env.put("SERVER_PORT", String.valueOf(port));
		env.put("PARLEY_PUBLIC_URL", "http://127.0.0.1:" + webPort);
		env.put("PARLEY_INVITATION_LINK_SECRET", this.linkSecret);
		if (app == ParleyApp.WEB) {
			env.put("PARLEY_ADMIN_PASSWORD", this.adminPassword);
		}
		env.putAll(this.overrides.get(app));
		return env;
	}

	List<AppInstance> instances(ParleyApp app) {
		return List.copyOf(this.instances.get(app));
	}

	/** The instance by its number, from 1 as in its name. */
	AppInstance instance(ParleyApp app, int number) {
		return this.instances.get(app).get(number - 1);
	}

	List<AppInstance> all() {
		return this.instances.values().stream().flatMap(List::stream).toList();
	}

	/** The HTTP API of the given web instance, signed in as the first organiser. */
	ParleyApi api(int webNumber) {
		AppInstance web = instance(ParleyApp.WEB, webNumber);
		return new ParleyApi(web.baseUri(), web.environment().get("PARLEY_ADMIN_EMAIL"), this.adminPassword);
	}

	ParleyApi api() {
		return api(1);
	}

	SmtpSink sink() {
		return this.sink;
	}

	/** The link secret every app of this shape signs and checks its links with. */
	String linkSecret() {
		return this.linkSecret;
	}

	IsolatedDatabase database() {
		return this.database;
	}

	IsolatedVhost vhost() {
		return this.vhost;
	}

	InvitationLedger ledger() {
		return new InvitationLedger(this.database);
	}

	Path directory() {
		return this.directory;
	}

	/** Every instance's highest resident set size so far, over its restarts, in kB. */
	Map<String, Long> peakRssKb() {
		Map<String, Long> peaks = new LinkedHashMap<>();
		all().forEach(instance -> peaks.put(instance.name(), instance.peakRssOfAllRunsKb()));
		return peaks;
	}

	@Override
	public void close() {
		all().forEach(AppInstance::stop);
		if (this.sink != null) {
			this.sink.close();
		}
		if (this.vhost != null) {
			this.vhost.delete();
		}
	}

	/**
	 * The repository's root: where {@code compose.yaml} is, from the module's directory
	 * upwards.
	 */
	static Path repository() {
		Path dir = Path.of("").toAbsolutePath();
		while (dir != null && !Files.isRegularFile(dir.resolve("compose.yaml"))) {
			dir = dir.getParent();
		}
		if (dir == null) {
			throw new IllegalStateException("No compose.yaml above " + Path.of("").toAbsolutePath());
		}
		return dir;
	}

	/**
	 * One name per work tree: its runs replace each other, other work trees' runs are
	 * left alone.
	 */
	private static String defaultName(Path repository) {
		String given = System.getProperty("parley.production-shape.name");
		if (given != null) {
			return given;
		}
		return "parley-shape-" + HexFormat.of().toHexDigits(repository.toString().hashCode());
	}

	private static String randomSecret(int bytes) {
		byte[] random = new byte[bytes];
		new SecureRandom().nextBytes(random);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
	}

	private static void deleteRecursively(Path path) {
		if (!Files.exists(path)) {
			return;
		}
		try (Stream<Path> files = Files.walk(path)) {
			for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
				Files.delete(file);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
