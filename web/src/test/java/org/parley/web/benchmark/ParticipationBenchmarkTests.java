package org.parley.web.benchmark;

import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntFunction;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.parley.domain.discussion.DiscussionRepository;
import org.parley.domain.discussion.Section;
import org.parley.domain.organiser.Organiser;
import org.parley.domain.organiser.OrganiserRepository;
import org.parley.domain.outline.Block;
import org.parley.domain.outline.Outline;
import org.parley.domain.outline.OutlineSection;
import org.parley.domain.participation.Comment;
import org.parley.domain.participation.CommentRepository;
import org.parley.domain.participation.CommentState;
import org.parley.domain.participation.ParticipantRepository;
import org.parley.domain.test.TestInfrastructure;
import org.parley.web.WebApplication;
import org.parley.web.participation.SignInLinks;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 5's figures over real HTTP: comment POSTs offered at a fixed 200 requests per
 * second (throughput and latency percentiles), and the time of a discussion page with 300
 * sections and 5,000 comments. Each sits beside a raw baseline measured the same way in
 * the same run: a static file at the same rate, and the same sections as JSON without the
 * template. The load client shares the JVM and the two cores with the server, so it
 * sleeps between sends and never spins.
 * <p>
 * Run on purpose:
 * {@code ./mvnw -pl web -am verify -Dgroups=benchmark -Dsurefire.excludedGroups=
 * -Dtest=ParticipationBenchmarkTests -Dsurefire.failIfNoSpecifiedTests=false}. Against
 * PostgreSQL and RabbitMQ, in a database and virtual host of its own, add
 * {@code -Pexternal-infra
 * "-DargLine=-Dspring.rabbitmq.virtual-host=<vhost> -Dparley.test.postgres-url=jdbc:postgresql://127.0.0.1:5432/<db>"}.
 */
@Tag("benchmark")
@SpringBootTest(classes = WebApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "spring.config.name=" + WebApplication.CONFIG_NAME,
				"parley.participation.posts-per-minute=1000000", "logging.level.root=WARN",
				"parley.secrets.generate-missing=true" })
class ParticipationBenchmarkTests {

	private static final int RATE = 200;

	private static final int SECONDS = 15;

	private static final int WARM_UP_SECONDS = 5;

	@DynamicPropertySource
	static void infrastructure(DynamicPropertyRegistry registry) {
		TestInfrastructure.register(registry);
		// The tests' small pool keeps cached contexts under PostgreSQL's connection
		// limit; this runs
		// alone, with Hikari's default pool as the web app has in production.
		registry.add("spring.datasource.hikari.maximum-pool-size", () -> "10");
	}

	@LocalServerPort
	int port;

	@Autowired
	DiscussionRepository discussions;

	@Autowired
	OrganiserRepository organisers;

	@Autowired
	ParticipantRepository participants;

	@Autowired
	CommentRepository comments;

	@Autowired
	SignInLinks signInLinks;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	javax.sql.DataSource dataSource;

	@Test
	void commentPostsAt200PerSecondAndABigDiscussionPage() throws Exception {
		UUID discussion = bigDiscussion(300, 5000);
		CookieManager cookies = new CookieManager();
		HttpClient http = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.cookieHandler(cookies)
			.connectTimeout(Duration.ofSeconds(5))
			.build();
		signIn(http, discussion);
		String xsrf = cookies.getCookieStore()
			.getCookies()
			.stream()
			.filter(c -> c.getName().equals("XSRF-TOKEN"))
			.map(HttpCookie::getValue)
			.findFirst()
			.orElseThrow();

		URI pageUri = URI.create(base() + "/discussions/" + discussion);
		URI sectionsUri = URI.create(base() + "/api/discussions/" + discussion + "/sections");
		sequential(http, pageUri, 20);
		sequential(http, sectionsUri, 20);
		List<Long> page = sequential(http, pageUri, 50);
		List<Long> sections = sequential(http, sectionsUri, 50);

		URI cssUri = URI.create(base() + "/css/parley.css");
		IntFunction<HttpRequest> comment = i -> HttpRequest
			.newBuilder(
					URI.create(base() + "/api/discussions/" + discussion + "/sections/" + (1 + i % 300) + "/comments"))
			.header("Content-Type", "application/json")
			.header("X-XSRF-TOKEN", xsrf)
			.POST(HttpRequest.BodyPublishers.ofString("{\"text\":\"Benchmark comment " + i + "\"}"))
			.build();
		IntFunction<HttpRequest> raw = i -> HttpRequest.newBuilder(cssUri).build();
		openLoop(http, comment, 201, WARM_UP_SECONDS);
		openLoop(http, raw, 200, WARM_UP_SECONDS);
		OpenLoopRun posts = openLoop(http, comment, 201, SECONDS);
		OpenLoopRun floor = openLoop(http, raw, 200, SECONDS);

		System.out.printf(
				"%nBENCHMARK participation (%s), open loop at %d/s for %d s after %d s of warm-up;"
						+ " latency from the intended send time%n",
				TestInfrastructure.external() ? "PostgreSQL" : "H2", RATE, SECONDS, WARM_UP_SECONDS);
		System.out.printf("  connection pool: %d%n",
				this.dataSource.unwrap(com.zaxxer.hikari.HikariDataSource.class).getMaximumPoolSize());
		posts.print("comment POST");
		floor.print("raw: GET static css");
		System.out.printf("  comment POST / raw: p50 x%.1f, p99 x%.1f%n", posts.percentile(50) / floor.percentile(50),
				posts.percentile(99) / floor.percentile(99));
		System.out.printf("  discussion page, 300 sections + 5,000 comments: p50 %.1f ms, p99 %.1f ms%n",
				percentile(page, 50), percentile(page, 99));
		System.out.printf(
				"  raw: sections as JSON (same data, no template): p50 %.1f ms, p99 %.1f ms; page / raw p50 x%.1f%n",
				percentile(sections, 50), percentile(sections, 99), percentile(page, 50) / percentile(sections, 50));
		assertThat(posts.failed()).as("comment POSTs that did not answer 201").isZero();
		assertThat(posts.latencies()).as("comments created").hasSize(RATE * SECONDS);
	}

	private List<Long> sequential(HttpClient http, URI uri, int times) throws Exception {
		List<Long> nanos = new ArrayList<>();
		for (int i = 0; i < times; i++) {
			long start = System.nanoTime();
			HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri).build(),
					HttpResponse.BodyHandlers.ofString());
			assertThat(response.statusCode()).isEqualTo(200);
			nanos.add(System.nanoTime() - start);
		}
		return nanos;
	}

	/**
	 * Sends at a fixed rate whatever the answers do (open loop), and measures each
	 * request from the instant it was due, not from when it left: a stalled server then
	 * shows as latency instead of fewer requests (no coordinated omission). The sender
	 * sleeps between sends, so the load client leaves the two cores to the server.
	 */
	private OpenLoopRun openLoop(HttpClient http, IntFunction<HttpRequest> request, int expectedStatus, int seconds)
			throws Exception {
		int total = RATE * seconds;
		long interval = 1_000_000_000L / RATE;
		List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
		AtomicInteger failed = new AtomicInteger();
		CountDownLatch done = new CountDownLatch(total);
		long began = System.nanoTime();
		for (int i = 0; i < total; i++) {
			long due = began + i * interval;
			long wait = due - System.nanoTime();
			if (wait > 0) {
				LockSupport.parkNanos(wait);
			}
			http.sendAsync(request.apply(i), HttpResponse.BodyHandlers.discarding()).whenComplete((r, failure) -> {
				if (r != null && r.statusCode() == expectedStatus) {
					latencies.add(System.nanoTime() - due);
				}
				else {
					failed.incrementAndGet();
				}
				done.countDown();
			});
		}
		assertThat(done.await(120, TimeUnit.SECONDS)).as("all answers within two minutes").isTrue();
		double elapsed = (System.nanoTime() - began) / 1e9;
		return new OpenLoopRun(total, latencies, failed.get(), elapsed);
	}

	record OpenLoopRun(int offered, List<Long> latencies, int failed, double seconds) {

		double percentile(int p) {
			return ParticipationBenchmarkTests.percentile(this.latencies, p);
		}

		void print(String what) {
			System.out.printf("  %s: %d of %d answered as expected, %.0f/s; p50 %.1f ms, p99 %.1f ms, max %.1f ms%n",
					what, this.latencies.size(), this.offered, this.latencies.size() / this.seconds, percentile(50),
					percentile(99), percentile(100));
		}

	}

	private UUID bigDiscussion(int sectionCount, int commentCount) {
		String email = "bench-" + UUID.randomUUID() + "@parley.test";
		UUID owner = UUID.randomUUID();
		this.organisers.add(new Organiser(owner, email, "{noop}x", "B", OffsetDateTime.now()));
		List<OutlineSection> sections = new ArrayList<>();
		for (int i = 1; i <= sectionCount; i++) {
			sections.add(new OutlineSection(i + ".", "Section heading number " + i, 1,
					List.of(Block.paragraph("First paragraph of section " + i + " with enough words to be realistic."),
							Block.paragraph("Second paragraph of section " + i + "."))));
		}
		UUID id = this.discussions.addDraft(null, owner, "Benchmark", new Outline("Benchmark", null, sections),
				OffsetDateTime.now());
		this.discussions.update(this.discussions.findById(id).orElseThrow().publish(java.time.Clock.systemUTC()));
		UUID author = this.participants
			.findOrCreate("author-" + UUID.randomUUID() + "@example.org", OffsetDateTime.now())
			.id();
		List<UUID> sectionIds = this.discussions.findSections(id).stream().map(Section::id).toList();
		for (int i = 0; i < commentCount; i++) {
			this.comments.add(new Comment(UUID.randomUUID(), id, sectionIds.get(i % sectionCount), null, null, null,
					author, "Seeded comment " + i, CommentState.PUBLISHED, 0, OffsetDateTime.now()));
		}
		return id;
	}

	private void signIn(HttpClient http, UUID discussion) throws Exception {
		String email = "bench-reader-" + UUID.randomUUID() + "@example.org";
		this.signInLinks.request(email, discussion, "bench-" + UUID.randomUUID());
		UUID link = this.jdbc.sql("select id from sign_in_link where email = :e")
			.param("e", email)
			.query(UUID.class)
			.single();
		http.send(HttpRequest.newBuilder(URI.create(base() + "/sign-in/" + this.signInLinks.token(link))).build(),
				HttpResponse.BodyHandlers.discarding());
		http.send(HttpRequest.newBuilder(URI.create(base() + "/discussions/" + discussion)).build(),
				HttpResponse.BodyHandlers.discarding());
	}

	private String base() {
		return "http://localhost:" + this.port;
	}

	private static double percentile(List<Long> nanos, int p) {
		List<Long> sorted = new ArrayList<>(nanos);
		Collections.sort(sorted);
		int index = Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1);
		return sorted.get(Math.max(0, index)) / 1e6;
	}

}
