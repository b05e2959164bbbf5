package org.parley.standalone.production;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.awaitility.core.ConditionTimeoutException;

import static org.awaitility.Awaitility.await;

/**
 * One process of one app: {@code java -jar <module>.jar} with its environment, its own
 * port and a log file that every start of it appends to. It can be killed with SIGKILL
 * and started again on the same port, as an orchestrator restarts a crashed container.
 */
final class AppInstance {

	/** The JVM options of the image's {@code ENTRYPOINT} (see the Dockerfile). */
	static final List<String> IMAGE_JVM_OPTIONS = List.of("-XX:MaxRAMPercentage=75");

	private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	private final ParleyApp app;

	private final int index;

	private final int port;

	private final Path jar;

	private final Map<String, String> environment;

	private final List<String> jvmOptions;

	private final Path log;

	private Process process;

	private long peakRssOfEarlierRunsKb;

	AppInstance(ParleyApp app, int index, int port, Path jar, Map<String, String> environment, List<String> jvmOptions,
			Path log) {
		this.app = app;
		this.index = index;
		this.port = port;
		this.jar = jar;
		this.environment = Map.copyOf(environment);
		this.jvmOptions = List.copyOf(jvmOptions);
		this.log = log;
	}

	/** {@code invite-worker-1}, {@code web-2}: the name in logs and reports. */
	String name() {
		return this.app.module() + "-" + this.index;
	}

	ParleyApp app() {
		return this.app;
	}

	int port() {
		return this.port;
	}

	URI baseUri() {
		return URI.create("http://127.0.0.1:" + this.port);
	}

	Path log() {
		return this.log;
	}

	Map<String, String> environment() {
		return this.environment;
	}

	synchronized boolean isAlive() {
		return this.process != null && this.process.isAlive();
	}

	synchronized long pid() {
		if (this.process == null) {
			throw new IllegalStateException(name() + " was never started");
		}
		return this.process.pid();
	}

	synchronized void start() {
		if (isAlive()) {
			throw new IllegalStateException(name() + " is running");
		}
		List<String> command = new ArrayList<>();
		command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		command.addAll(this.jvmOptions);
		command.add("-jar");
		command.add(this.jar.toString());
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.appendTo(this.log.toFile()));
		// Only the variables compose would give the container, not whatever the build
		// runs with.
		builder.environment().clear();
		builder.environment().putAll(this.environment);
		try {
			Files.writeString(this.log, "=== starting " + name() + " on port " + this.port + "\n",
					StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.CREATE,
					java.nio.file.StandardOpenOption.APPEND);
			this.process = builder.start();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not start " + name(), ex);
		}
	}

	/**
	 * Waits until {@code /actuator/health} answers UP; fails at once if the process died.
	 */
	void awaitHealthy(Duration timeout) {
		HttpRequest request = HttpRequest.newBuilder(baseUri().resolve("/actuator/health"))
			.timeout(Duration.ofSeconds(5))
			.build();
		try {
			await(name() + " healthy").atMost(timeout)
				.pollInterval(Duration.ofMillis(250))
				.ignoreExceptionsInstanceOf(IOException.class)
				.until(() -> {
					if (!isAlive()) {
						throw new IllegalStateException(name() + " exited while starting; its log:\n" + logTail(60));
					}
					HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
					return response.statusCode() == 200 && response.body().contains("\"UP\"");
				});
		}
		catch (ConditionTimeoutException ex) {
			throw new IllegalStateException(
					name() + " was not healthy within " + timeout + "; its log:\n" + logTail(60), ex);
		}
	}

	/**
	 * SIGKILL: no shutdown hook, no graceful close, as a crashed node or an OOM-killed
	 * container.
	 */
	synchronized void kill() {
		if (!isAlive()) {
			return;
		}
		rememberPeak();
		this.process.destroyForcibly();
		awaitExit(Duration.ofSeconds(30));
	}

	/** SIGTERM, as {@code docker stop}: Spring closes its listeners and pools. */
	synchronized void stop() {
		if (!isAlive()) {
			return;
		}
		rememberPeak();
		this.process.destroy();
		if (!awaitExit(Duration.ofSeconds(30))) {
			this.process.destroyForcibly();
			awaitExit(Duration.ofSeconds(10));
		}
	}

	/**
	 * Kills the process (if running) and starts it again on the same port with the same
	 * settings.
	 */
	void restart(Duration healthTimeout) {
		kill();
		start();
		awaitHealthy(healthTimeout);
	}

	/**
	 * The highest resident set size of the running process ({@code VmHWM}), in kB; empty
	 * when it is not running.
	 */
	synchronized Optional<Long> peakRssKb() {
		if (!isAlive()) {
			return Optional.empty();
		}
		try {
			for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(this.process.pid()), "status"))) {
				if (line.startsWith("VmHWM:")) {
					return Optional.of(Long.parseLong(line.replaceAll("[^0-9]", "")));
				}
			}
		}
		catch (IOException ex) {
			// The process went away between the check and the read.
		}
		return Optional.empty();
	}

	/**
	 * The highest {@code VmHWM} of any run of this instance, kills and restarts included,
	 * in kB.
	 */
	synchronized long peakRssOfAllRunsKb() {
		return Math.max(this.peakRssOfEarlierRunsKb, peakRssKb().orElse(0L));
	}

	String logTail(int lines) {
		try {
			List<String> all = Files.readAllLines(this.log, StandardCharsets.UTF_8);
			return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
		}
		catch (IOException ex) {
			return "(no log: " + ex.getMessage() + ")";
		}
	}

	private void rememberPeak() {
		this.peakRssOfEarlierRunsKb = Math.max(this.peakRssOfEarlierRunsKb, peakRssKb().orElse(0L));
	}

	private boolean awaitExit(Duration timeout) {
		try {
			return this.process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	@Override
	public String toString() {
		return name() + " :" + this.port;
	}

}
