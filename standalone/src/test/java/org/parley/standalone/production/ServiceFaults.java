package org.parley.standalone.production;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.awaitility.Awaitility.await;

/**
 * Faults of this machine's shared services, kept brief because other engineers and CI use
 * them.
 * <ul>
 * <li>{@link #restartBroker}: RabbitMQ's whole application ({@code rabbitmqctl stop_app},
 * then {@code start_app}): every connection drops, quorum queues recover from their logs,
 * unacked messages are delivered again. Everyone on the broker sees it.</li>
 * <li>{@link #restartVhost}: the same as seen from the shape's own vhost only: its
 * permissions are withdrawn (reconnecting is refused, as by a broker that is down), its
 * connections are closed and the vhost is restarted, then the permissions come back.
 * Other vhosts do not notice.</li>
 * <li>{@link #restartPostgres}: {@code pg_ctlcluster ... restart}, machine-wide.</li>
 * </ul>
 */
final class ServiceFaults {

	private ServiceFaults() {
	}

	/**
	 * Stops RabbitMQ's application for about {@code down}, then starts it and waits for
	 * it.
	 */
	static void restartBroker(Duration down) {
		run(Duration.ofMinutes(1), "rabbitmqctl", "-q", "stop_app");
		hold(down);
		run(Duration.ofMinutes(2), "rabbitmqctl", "-q", "start_app");
		run(Duration.ofMinutes(2), "rabbitmqctl", "-q", "await_startup");
	}

	/**
	 * The vhost's clients lose their connections and cannot reconnect for about
	 * {@code down}.
	 */
	static void restartVhost(String vhost, Duration down) {
		run(Duration.ofMinutes(1), "rabbitmqctl", "-q", "clear_permissions", "-p", vhost, IsolatedVhost.USER);
		run(Duration.ofMinutes(1), "rabbitmqctl", "-q", "close_all_connections", "-p", vhost, "--limit", "10000",
				"fault scenario");
		run(Duration.ofMinutes(1), "rabbitmqctl", "-q", "restart_vhost", "-p", vhost);
		hold(down);
		run(Duration.ofMinutes(1), "rabbitmqctl", "-q", "set_permissions", "-p", vhost, IsolatedVhost.USER, ".*", ".*",
				".*");
	}

	/**
	 * Restarts this machine's PostgreSQL cluster (fast shutdown: sessions are cut) and
	 * waits for it.
	 */
	static void restartPostgres() {
		run(Duration.ofMinutes(2), "pg_ctlcluster", "--skip-systemctl-redirect", postgresVersion(), "main", "restart",
				"--", "-m", "fast");
		await("PostgreSQL back").atMost(Duration.ofMinutes(1))
			.pollInterval(Duration.ofMillis(200))
			.until(IsolatedDatabase::reachable);
	}

	/** Why this machine's PostgreSQL cannot be restarted from here, or null. */
	static String postgresNotRestartableBecause() {
		if (!Files.isDirectory(Path.of("/etc/postgresql")) || !onPath("pg_ctlcluster")) {
			return "no pg_ctlcluster cluster under /etc/postgresql";
		}
		if (!"root".equals(System.getProperty("user.name"))) {
			return "pg_ctlcluster needs root here";
		}
		return null;
	}

	private static String postgresVersion() {
		try (Stream<Path> versions = Files.list(Path.of("/etc/postgresql"))) {
			return versions.map(p -> p.getFileName().toString()).sorted().reduce((a, b) -> b).orElseThrow();
		}
		catch (IOException ex) {
			throw new IllegalStateException("No PostgreSQL cluster under /etc/postgresql", ex);
		}
	}

	private static boolean onPath(String executable) {
		return Stream.of(System.getenv("PATH").split(":")).anyMatch(d -> Files.isExecutable(Path.of(d, executable)));
	}

	/** Lets a fault last: there is nothing to wait for but time. */
	static void hold(Duration duration) {
		if (!duration.isZero()) {
			await().pollDelay(duration).atMost(duration.plusSeconds(5)).until(() -> true);
		}
	}

	private static void run(Duration timeout, String... command) {
		List<String> line = List.of(command);
		try {
			Process process = new ProcessBuilder(line).redirectErrorStream(true).start();
			String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
				process.destroyForcibly();
				throw new IllegalStateException(line + " did not finish within " + timeout);
			}
			if (process.exitValue() != 0) {
				throw new IllegalStateException(line + " failed: " + output);
			}
		}
		catch (IOException ex) {
			throw new IllegalStateException(line + " could not run", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(line + " interrupted", ex);
		}
	}

}
