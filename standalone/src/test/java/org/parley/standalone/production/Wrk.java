package org.parley.standalone.production;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The HTTP load generator {@code wrk} (Debian package wrk), run as a process of its own
 * so that the load is made outside every Parley JVM. The scripts in {@code /wrk/} pace
 * each connection ({@code delay()}): {@code connections} connections that each wait
 * {@code pause} after an answer offer about {@code connections / (pause + latency)}
 * requests a second; the rate reached is measured, not assumed.
 */
final class Wrk {

	static final Path EXECUTABLE = Path.of("/usr/bin/wrk");

	private static final Pattern FIELD = Pattern.compile("(\\w+)=(\\d+)");

	private final Path directory;

	Wrk(Path directory) {
		this.directory = directory;
	}

	static boolean installed() {
		return Files.isExecutable(EXECUTABLE);
	}

	/**
	 * Comment POSTs ({@code paced.lua}): the participants take turns, the discussion's
	 * sections cycle.
	 */
	Run posts(String label, URI base, int connections, Duration duration, int pauseMillis, Path participants,
			java.util.UUID discussion, int sections) {
		return run(label, "paced.lua", base, connections, duration, String.valueOf(pauseMillis), "post",
				participants.toString(), discussion.toString(), String.valueOf(sections));
	}

	/** GETs of the URL ({@code paced.lua}), with a Cookie header unless it is empty. */
	Run gets(String label, URI url, int connections, Duration duration, int pauseMillis, String cookie) {
		return run(label, "paced.lua", url, connections, duration, String.valueOf(pauseMillis), "get", cookie);
	}

	/**
	 * Runs the script against the URL for the duration with the connections (over two
	 * threads) and the script's arguments.
	 */
	Run run(String label, String script, URI url, int connections, Duration duration, String... scriptArguments) {
		Path scriptFile = copy(script);
		List<String> command = new ArrayList<>(List.of(EXECUTABLE.toString(), "-t",
				String.valueOf(Math.min(2, connections)), "-c", String.valueOf(connections), "-d",
				duration.toSeconds() + "s", "--timeout", "10s", "-s", scriptFile.toString(), url.toString(), "--"));
		command.addAll(List.of(scriptArguments));
		try {
			Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
			String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			if (!process.waitFor(duration.toSeconds() + 60, TimeUnit.SECONDS) || process.exitValue() != 0) {
				throw new IllegalStateException("wrk failed for " + label + ":\n" + output);
			}
			return Run.parse(label, output);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while wrk ran " + label, ex);
		}
	}

	private Path copy(String script) {
		try (var in = Wrk.class.getResourceAsStream("/wrk/" + script)) {
			if (in == null) {
				throw new IllegalArgumentException("No wrk script " + script);
			}
			Files.createDirectories(this.directory);
			Path file = this.directory.resolve(script);
			Files.write(file, in.readAllBytes());
			return file;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * What one wrk run printed through the script's {@code done()}; times in
	 * microseconds.
	 */
	record Run(String label, long requests, long durationMicros, long statusErrors, long socketErrors, long p50,
			long p90, long p99, long p999, long max) {

		static Run parse(String label, String output) {
			String line = output.lines()
				.filter(l -> l.startsWith("PARLEY-WRK "))
				.findFirst()
				.orElseThrow(() -> new IllegalStateException("wrk printed no summary for " + label + ":\n" + output));
			Map<String, Long> fields = new HashMap<>();
			Matcher m = FIELD.matcher(line);
			while (m.find()) {
				fields.put(m.group(1), Long.parseLong(m.group(2)));
			}
			long socket = fields.get("connect_errors") + fields.get("read_errors") + fields.get("write_errors")
					+ fields.get("timeouts");
			return new Run(label, fields.get("requests"), fields.get("duration_us"), fields.get("status_errors"),
					socket, fields.get("p50_us"), fields.get("p90_us"), fields.get("p99_us"), fields.get("p999_us"),
					fields.get("max_us"));
		}

		double rate() {
			return this.requests * 1_000_000.0 / this.durationMicros;
		}

		String row() {
			return String.format("| %s | %,d | %.0f/s | %d | %d | %.1f | %.1f | %.1f | %.1f | %.1f |", this.label,
					this.requests, rate(), this.statusErrors, this.socketErrors, this.p50 / 1000.0, this.p90 / 1000.0,
					this.p99 / 1000.0, this.p999 / 1000.0, this.max / 1000.0);
		}

		static String header() {
			return "| what | requests | rate | non-2xx | socket errors | p50 ms | p90 ms | p99 ms | p99.9 ms | max ms |\n"
					+ "|---|---|---|---|---|---|---|---|---|---|";
		}

	}

}
