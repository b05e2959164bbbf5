package org.parley.standalone.production;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.parley.domain.test.TestInfrastructure;

import static org.awaitility.Awaitility.await;

/**
 * HAProxy (Debian package haproxy) in front of the web instances, as
 * {@code config/haproxy.cfg} shows an operator: round robin, health checks on the
 * actuator, a cookie that keeps a signed-in browser on the instance that holds its
 * session, and a tunnel timeout long enough for the SSE streams.
 */
final class Haproxy implements AutoCloseable {

	static final Path EXECUTABLE = Path.of("/usr/sbin/haproxy");

	private final Process process;

	private final int port;

	private Haproxy(Process process, int port) {
		this.process = process;
		this.port = port;
	}

	static boolean installed() {
		return Files.isExecutable(EXECUTABLE);
	}

	/**
	 * Starts it on a free port in front of the instances, with the operator's
	 * {@code config/haproxy.cfg} but for its address and its servers, and waits until
	 * every instance is up behind it.
	 */
	static Haproxy start(Path repository, List<AppInstance> webs, Path directory) {
		int port = TestInfrastructure.freePort();
		StringBuilder servers = new StringBuilder("    # servers\n");
		for (AppInstance web : webs) {
			servers.append("    server ").append(web.name()).append(" 127.0.0.1:").append(web.port());
			servers.append(" check cookie ").append(web.name()).append('\n');
		}
		try {
			String operators = Files.readString(repository.resolve("config/haproxy.cfg"));
			int from = operators.indexOf("    # servers\n");
			int to = operators.indexOf("    # end of servers");
			if (from < 0 || to < 0) {
				throw new IllegalStateException("config/haproxy.cfg has lost its '# servers' markers");
			}
			String config = (operators.substring(0, from) + servers + operators.substring(to))
				.replace("bind :8080", "bind 127.0.0.1:" + port)
				.replaceAll("(?m)^resolvers docker\n(    .*\n)*", "");
			Files.createDirectories(directory);
			Path file = directory.resolve("haproxy.cfg");
			Files.writeString(file, config);
			Process process = new ProcessBuilder(EXECUTABLE.toString(), "-db", "-f", file.toString())
				.redirectErrorStream(true)
				.redirectOutput(directory.resolve("haproxy.log").toFile())
				.start();
			Haproxy haproxy = new Haproxy(process, port);
			HttpClient http = HttpClient.newHttpClient();
			await("HAProxy with every web up").atMost(Duration.ofSeconds(30))
				.pollInterval(Duration.ofMillis(250))
				.ignoreExceptions()
				.until(() -> process.isAlive() && upServers(http, haproxy) == webs.size());
			return haproxy;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static long upServers(HttpClient http, Haproxy haproxy) throws IOException, InterruptedException {
		String csv = http
			.send(HttpRequest.newBuilder(haproxy.baseUri().resolve("/haproxy-status;csv")).build(),
					HttpResponse.BodyHandlers.ofString())
			.body();
		return csv.lines()
			.filter(l -> l.startsWith("web,") && l.contains(",UP,") && !l.startsWith("web,BACKEND"))
			.count();
	}

	URI baseUri() {
		return URI.create("http://127.0.0.1:" + this.port);
	}

	@Override
	public void close() {
		this.process.destroy();
		try {
			if (!this.process.waitFor(10, TimeUnit.SECONDS)) {
				this.process.destroyForcibly();
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
