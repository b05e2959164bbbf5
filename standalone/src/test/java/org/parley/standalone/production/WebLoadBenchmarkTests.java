package org.parley.standalone.production;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.parley.domain.links.LinkSigner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Issue 20's load figures, in the production shape (the web jars on PostgreSQL and
 * RabbitMQ, with both workers), with the load made by {@code wrk} in a process of its
 * own, each figure beside a static file served by the same web at the same rate in the
 * same run:
 * <ol>
 * <li>one web instance: comment POSTs at 200 a second from 200 signed-in participants,
 * after 5,000 comments have been posted; the discussion page with 300 sections and those
 * 5,000 comments, one request at a time, beside the same sections as JSON;</li>
 * <li>two web instances behind HAProxy ({@code config/haproxy.cfg}): the same POSTs and
 * static file through the proxy while 200 SSE viewers watch the discussion through it,
 * and the latency of probe comments from their POST to each viewer's event.</li>
 * </ol>
 * The participants' posting limit is raised to 600 a minute so that 200 people can each
 * post once a second; the limiter still runs on every POST. Run on purpose (it needs the
 * jars, so verify or package first):
 * {@code ./mvnw -B -ntp -pl standalone -am verify -Pexternal-infra -Dgroups=benchmark
 * -Dsurefire.excludedGroups= -Dtest=WebLoadBenchmarkTests -Dsurefire.failIfNoSpecifiedTests=false}.
 * {@code -Dparley.benchmark.rate=…} and {@code -Dparley.benchmark.seconds=…} change the
 * rate and the measured window, {@code -Dparley.benchmark.web-java-options=…} adds JVM
 * options to the webs (a flight recording, say).
 */
@Tag("benchmark")
class WebLoadBenchmarkTests {

	private static final int RATE = Integer.getInteger("parley.benchmark.rate", 200);

	private static final int SECONDS = Integer.getInteger("parley.benchmark.seconds", 30);

	private static final int SECTIONS = 300;

	private static final int COMMENTS = 5_000;

	private static final int PARTICIPANTS = 200;

	private static final int VIEWERS = Integer.getInteger("parley.benchmark.viewers", 200);

	/** Connections per wrk run; each waits {@link #pause()} after an answer. */
	private static final int CONNECTIONS = 40;

	private static final Pattern PROBE = Pattern.compile("\"text\":\"Probe (\\d+) at (\\d+)\"");

	private final HttpClient http = HttpClient.newBuilder()
		.followRedirects(HttpClient.Redirect.NEVER)
		.connectTimeout(Duration.ofSeconds(5))
		.build();

	@Test
	void commentPostsAndABigPageOnOneInstanceThenTwoBehindHaproxy() throws Exception {
		String unavailable = ProductionShape.unavailableBecause();
		assumeTrue(unavailable == null, unavailable);
		assumeTrue(Wrk.installed(), Wrk.EXECUTABLE + " is missing (Debian package wrk)");
		assumeTrue(Haproxy.installed(), Haproxy.EXECUTABLE + " is missing (Debian package haproxy)");
		List<String> report = new ArrayList<>();
		ProductionShape configured = ProductionShape.with(2, 1, 1)
			.env(ParleyApp.WEB, "PARLEY_PARTICIPATION_POSTS_PER_MINUTE", "600");
		String webJavaOptions = System.getProperty("parley.benchmark.web-java-options", "");
		if (!webJavaOptions.isBlank()) {
			// e.g. a flight recording of the webs: -XX:StartFlightRecording=filename=…
			configured.env(ParleyApp.WEB, "JAVA_TOOL_OPTIONS", webJavaOptions);
		}
		try (ProductionShape shape = configured.start()) {
			Path directory = shape.directory().resolve("load");
			Wrk wrk = new Wrk(directory);
			ParleyApi api = shape.api();
			UUID discussion = api.publishedDiscussion(markdownDraft(SECTIONS), "load-draft.md", "text/markdown",
					"Load draft", Duration.ofMinutes(5));
			assertThat(api.sections(discussion).size()).as("sections of the load draft").isEqualTo(SECTIONS);
			AppInstance web = shape.instance(ParleyApp.WEB, 1);
			URI one = web.baseUri();
			String posts = one + "/";
			Path people = participantsFile(shape, discussion, one, directory.resolve("participants-1.tsv"));

			// Seeding is the warm-up: 5,000 comments at the measured rate.
			wrk.posts("seed", URI.create(posts), CONNECTIONS,
					Duration.ofSeconds(Math.max(5, (COMMENTS * 9 / 10) / RATE)), pause(), people, discussion, SECTIONS);
			int comments = topUpComments(shape, discussion, one, people, COMMENTS);
			report.add("comments on the discussion before the page runs: " + comments);

			String session = firstCookie(people);
			Wrk.Run page = wrk.gets("discussion page, 300 sections + " + comments + " comments, 1 at a time",
					URI.create(one + "/discussions/" + discussion), 1, Duration.ofSeconds(20), 0, session);
			Wrk.Run sections = wrk.gets("raw: the same sections as JSON, 1 at a time",
					URI.create(one + "/api/discussions/" + discussion + "/sections"), 1, Duration.ofSeconds(20), 0,
					session);

			Wrk.Run post = wrk.posts("comment POST, one web", URI.create(posts), CONNECTIONS,
					Duration.ofSeconds(SECONDS), pause(), people, discussion, SECTIONS);
			Wrk.Run css = wrk.gets("raw: static css, one web", URI.create(one + "/css/parley.css"), CONNECTIONS,
					Duration.ofSeconds(SECONDS), pause(), "");

			try (Haproxy proxy = Haproxy.start(ProductionShape.repository(), shape.instances(ParleyApp.WEB),
					directory.resolve("haproxy"))) {
				URI lb = proxy.baseUri();
				Path throughProxy = participantsFile(shape, discussion, lb, directory.resolve("participants-lb.tsv"));
				report.add("participants signed in through the proxy, by instance: " + byInstance(throughProxy));
				try (Viewers viewers = Viewers.open(this.http,
						URI.create(lb + "/api/discussions/" + discussion + "/events"), VIEWERS)) {
					Probes probes = new Probes(this.http, lb, discussion, firstCookieLine(throughProxy));
					Thread prober = new Thread(() -> probes.post(SECONDS, 5), "probes");
					prober.setDaemon(true);
					prober.start();
					Wrk.Run lbPost = wrk.posts("comment POST, two webs behind HAProxy, " + VIEWERS + " SSE viewers",
							URI.create(lb + "/"), CONNECTIONS, Duration.ofSeconds(SECONDS), pause(), throughProxy,
							discussion, SECTIONS);
					prober.join(TimeUnit.SECONDS.toMillis(SECONDS + 30));
					viewers.awaitProbes(probes.sent(), Duration.ofSeconds(20));
					Wrk.Run lbCss = wrk.gets("raw: static css, two webs behind HAProxy",
							URI.create(lb + "/css/parley.css"), CONNECTIONS, Duration.ofSeconds(SECONDS), pause(), "");
					report.add(Wrk.Run.header());
					for (Wrk.Run run : List.of(page, sections, post, css, lbPost, lbCss)) {
						report.add(run.row());
					}
					report.add(String.format(
							"page / JSON p50 x%.1f; one web: POST / css p99 x%.1f; behind HAProxy: POST / css p99 x%.1f",
							page.p50() / (double) sections.p50(), post.p99() / (double) css.p99(),
							lbPost.p99() / (double) lbCss.p99()));
					report.add(viewers.summary(probes));
					print(report);
					report.clear();
					assertThat(post.statusErrors() + post.socketErrors()).as("failed comment POSTs, one web").isZero();
					assertThat(lbPost.statusErrors() + lbPost.socketErrors()).as("failed comment POSTs, behind HAProxy")
						.isZero();
					assertThat(page.statusErrors()).as("failed page requests").isZero();
					assertThat(viewers.missing(probes.sent())).as("probe events a viewer never got").isZero();
				}
			}
		}
		finally {
			if (!report.isEmpty()) {
				print(report);
			}
		}
	}

	private static void print(List<String> report) {
		System.out.printf("%nBENCHMARK web load (production shape, PostgreSQL, wrk), %d/s for %d s, load average %s%n",
				RATE, SECONDS, loadAverage());
		report.forEach(System.out::println);
	}

	private static String loadAverage() {
		try {
			return Files.readString(Path.of("/proc/loadavg")).trim();
		}
		catch (IOException ex) {
			return "unknown";
		}
	}

	/**
	 * Milliseconds each connection waits after an answer for the rate to be about RATE.
	 */
	private static int pause() {
		return CONNECTIONS * 1000 / RATE;
	}

	/** A Markdown draft of that many numbered sections, two paragraphs each. */
	private static byte[] markdownDraft(int sections) {
		StringBuilder md = new StringBuilder("# Load draft\n\n");
		for (int i = 1; i <= sections; i++) {
			md.append("## ").append(i).append(". Measure ").append(i).append("\n\n");
			md.append("The ministry proposes that measure ")
				.append(i)
				.append(" applies to every public body from the first year, with a review after three years.\n\n");
			md.append("Each body reports its progress once a year, and the reports are published in full.\n\n");
		}
		return md.toString().getBytes(StandardCharsets.UTF_8);
	}

	/**
	 * Signs in PARTICIPANTS people through the given base URI with links stored as the
	 * web stores them and signed with the shape's secret, as if from their mails; writes
	 * each one's Cookie header and CSRF token, tab-separated, a line each.
	 */
	private Path participantsFile(ProductionShape shape, UUID discussion, URI base, Path file) throws Exception {
		LinkSigner signer = new LinkSigner(shape.linkSecret());
		List<UUID> links = new ArrayList<>();
		String batch = UUID.randomUUID().toString().substring(0, 8);
		try (Connection c = shape.database().connect(); PreparedStatement insert = c.prepareStatement("""
				insert into sign_in_link (id, email, discussion_id, created_at, expires_at)
				values (?, ?, ?, ?, ?)""")) {
			Instant now = Instant.now();
			for (int i = 0; i < PARTICIPANTS; i++) {
				UUID id = UUID.randomUUID();
				insert.setObject(1, id);
				insert.setString(2, "reader-" + batch + "-" + i + "@example.org");
				insert.setObject(3, discussion);
				insert.setTimestamp(4, Timestamp.from(now));
				insert.setTimestamp(5, Timestamp.from(now.plus(Duration.ofMinutes(30))));
				insert.addBatch();
				links.add(id);
			}
			insert.executeBatch();
		}
		List<String> lines = new ArrayList<>();
		for (UUID link : links) {
			HttpResponse<Void> signedIn = this.http.send(
					HttpRequest.newBuilder(URI.create(base + "/sign-in/" + signer.sign("sign-in", link))).build(),
					HttpResponse.BodyHandlers.discarding());
			assertThat(signedIn.statusCode()).as("sign-in").isEqualTo(302);
			Map<String, String> cookies = cookies(signedIn, new LinkedHashMap<>());
			HttpResponse<Void> page = this.http
				.send(HttpRequest.newBuilder(URI.create(base + "/discussions/" + discussion))
					.header("Cookie", header(cookies))
					.build(), HttpResponse.BodyHandlers.discarding());
			assertThat(page.statusCode()).as("the discussion page, signed in").isEqualTo(200);
			cookies(page, cookies);
			assertThat(cookies).as("cookies after the first page").containsKey("XSRF-TOKEN");
			lines.add(header(cookies) + "\t" + cookies.get("XSRF-TOKEN"));
		}
		try (Connection c = shape.database().connect();
				PreparedStatement named = c.prepareStatement(
						"update participant set display_name = 'Load reader' where email like ? and display_name is null")) {
			named.setString(1, "reader-" + batch + "-%");
			named.executeUpdate();
		}
		Files.createDirectories(file.getParent());
		Files.write(file, lines);
		return file;
	}

	private static Map<String, String> cookies(HttpResponse<?> response, Map<String, String> into) {
		for (String set : response.headers().allValues("Set-Cookie")) {
			String pair = set.split(";", 2)[0];
			int eq = pair.indexOf('=');
			into.put(pair.substring(0, eq).trim(), pair.substring(eq + 1).trim());
		}
		return into;
	}

	private static String header(Map<String, String> cookies) {
		StringBuilder header = new StringBuilder();
		cookies.forEach(
				(name, value) -> header.append(header.isEmpty() ? "" : "; ").append(name).append('=').append(value));
		return header.toString();
	}

	private static String firstCookie(Path people) throws IOException {
		return firstCookieLine(people)[0];
	}

	private static String[] firstCookieLine(Path people) throws IOException {
		return Files.readAllLines(people).get(0).split("\t");
	}

	private static Map<String, Integer> byInstance(Path people) throws IOException {
		Map<String, Integer> counts = new LinkedHashMap<>();
		for (String line : Files.readAllLines(people)) {
			Matcher m = Pattern.compile("PARLEY_WEB=([^;\\t]+)").matcher(line);
			counts.merge(m.find() ? m.group(1) : "no cookie", 1, Integer::sum);
		}
		return counts;
	}

	/** Posts one at a time until the discussion has {@code target} comments. */
	private int topUpComments(ProductionShape shape, UUID discussion, URI base, Path people, int target)
			throws Exception {
		String[] person = firstCookieLine(people);
		int count = commentCount(shape, discussion);
		int i = 0;
		while (count < target) {
			HttpResponse<Void> posted = this.http.send(HttpRequest
				.newBuilder(URI.create(
						base + "/api/discussions/" + discussion + "/sections/" + (1 + i++ % SECTIONS) + "/comments"))
				.header("Content-Type", "application/json")
				.header("Cookie", person[0])
				.header("X-XSRF-TOKEN", person[1])
				.POST(HttpRequest.BodyPublishers.ofString("{\"text\":\"Top-up comment " + i + "\"}"))
				.build(), HttpResponse.BodyHandlers.discarding());
			if (posted.statusCode() == 429) {
				LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(200));
			}
			else {
				assertThat(posted.statusCode()).as("a top-up comment").isEqualTo(201);
				count++;
			}
		}
		return commentCount(shape, discussion);
	}

	private static int commentCount(ProductionShape shape, UUID discussion) throws SQLException {
		try (Connection c = shape.database().connect();
				PreparedStatement count = c.prepareStatement("select count(*) from comment where discussion_id = ?")) {
			count.setObject(1, discussion);
			try (ResultSet rs = count.executeQuery()) {
				rs.next();
				return rs.getInt(1);
			}
		}
	}

	/**
	 * Comments whose text carries their number and the instant their POST left, posted
	 * every {@code intervalMillis} through the proxy by one participant.
	 */
	private static final class Probes {

		private final HttpClient http;

		private final URI base;

		private final UUID discussion;

		private final String[] person;

		private final AtomicInteger sent = new AtomicInteger();

		Probes(HttpClient http, URI base, UUID discussion, String[] person) {
			this.http = http;
			this.base = base;
			this.discussion = discussion;
			this.person = person;
		}

		void post(int seconds, int perSecond) {
			long interval = TimeUnit.SECONDS.toNanos(1) / perSecond;
			long began = System.nanoTime();
			for (int i = 0; i < seconds * perSecond; i++) {
				long wait = began + i * interval - System.nanoTime();
				if (wait > 0) {
					LockSupport.parkNanos(wait);
				}
				long micros = TimeUnit.NANOSECONDS.toMicros(System.nanoTime());
				try {
					HttpResponse<Void> posted = this.http.send(HttpRequest
						.newBuilder(URI.create(this.base + "/api/discussions/" + this.discussion + "/sections/"
								+ (1 + i % SECTIONS) + "/comments"))
						.header("Content-Type", "application/json")
						.header("Cookie", this.person[0])
						.header("X-XSRF-TOKEN", this.person[1])
						.POST(HttpRequest.BodyPublishers.ofString("{\"text\":\"Probe " + i + " at " + micros + "\"}"))
						.build(), HttpResponse.BodyHandlers.discarding());
					if (posted.statusCode() == 201) {
						this.sent.incrementAndGet();
					}
				}
				catch (IOException ex) {
					// A probe that did not go out is simply not expected by the viewers.
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					return;
				}
			}
		}

		int sent() {
			return this.sent.get();
		}

	}

	/**
	 * SSE viewers of one discussion through the proxy, on one HttpClient: each line is
	 * read as it arrives, and a probe comment's event is timed against the instant its
	 * POST left (the same machine's monotonic clock).
	 */
	private static final class Viewers implements AutoCloseable {

		private final List<Flow.Subscription> subscriptions = Collections.synchronizedList(new ArrayList<>());

		private final List<Long> latencies = Collections.synchronizedList(new ArrayList<>());

		private final Map<Integer, Map<Integer, Boolean>> seen = new ConcurrentHashMap<>();

		private final int count;

		private Viewers(int count) {
			this.count = count;
		}

		static Viewers open(HttpClient http, URI events, int count) {
			Viewers viewers = new Viewers(count);
			for (int v = 0; v < count; v++) {
				int viewer = v;
				viewers.seen.put(viewer, new ConcurrentHashMap<>());
				http.sendAsync(HttpRequest.newBuilder(events).header("Accept", "text/event-stream").build(),
						HttpResponse.BodyHandlers.fromLineSubscriber(new Flow.Subscriber<String>() {
							@Override
							public void onSubscribe(Flow.Subscription subscription) {
								viewers.subscriptions.add(subscription);
								subscription.request(Long.MAX_VALUE);
							}

							@Override
							public void onNext(String line) {
								viewers.line(viewer, line);
							}

							@Override
							public void onError(Throwable throwable) {
							}

							@Override
							public void onComplete() {
							}
						}));
			}
			org.awaitility.Awaitility.await("viewers connected")
				.atMost(Duration.ofMinutes(2))
				.until(() -> viewers.subscriptions.size() == count);
			return viewers;
		}

		private void line(int viewer, String line) {
			if (!line.startsWith("data:")) {
				return;
			}
			Matcher m = PROBE.matcher(line);
			if (m.find()) {
				long now = TimeUnit.NANOSECONDS.toMicros(System.nanoTime());
				if (this.seen.get(viewer).put(Integer.parseInt(m.group(1)), Boolean.TRUE) == null) {
					this.latencies.add(now - Long.parseLong(m.group(2)));
				}
			}
		}

		void awaitProbes(int sent, Duration atMost) {
			try {
				org.awaitility.Awaitility.await("every probe at every viewer")
					.atMost(atMost)
					.until(() -> missing(sent) == 0);
			}
			catch (org.awaitility.core.ConditionTimeoutException ex) {
				// Reported by the summary and asserted by the test.
			}
		}

		/** Probe events not yet seen, over every viewer (probes are numbered from 0). */
		long missing(int sent) {
			long got = this.seen.values()
				.stream()
				.mapToLong(m -> m.keySet().stream().filter(n -> n < sent).count())
				.sum();
			return (long) sent * this.count - got;
		}

		String summary(Probes probes) {
			List<Long> sorted;
			synchronized (this.latencies) {
				sorted = new ArrayList<>(this.latencies);
			}
			Collections.sort(sorted);
			if (sorted.isEmpty()) {
				return "SSE: no probe event arrived at any viewer";
			}
			return String.format(
					"SSE through HAProxy: %d viewers, %d probes, %,d events of %,d; probe POST → event p50 %.0f ms, p99 %.0f ms, max %.0f ms",
					this.count, probes.sent(), sorted.size(), (long) probes.sent() * this.count,
					at(sorted, 50) / 1000.0, at(sorted, 99) / 1000.0, sorted.get(sorted.size() - 1) / 1000.0);
		}

		private static long at(List<Long> sorted, double percentile) {
			int index = (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1;
			return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
		}

		@Override
		public void close() {
			synchronized (this.subscriptions) {
				this.subscriptions.forEach(Flow.Subscription::cancel);
			}
		}

	}

}
