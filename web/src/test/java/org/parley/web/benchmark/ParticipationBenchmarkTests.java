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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.parley.domain.discussion.DiscussionRepository;
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
 * Issue 5's figures over real HTTP: comment POSTs at a fixed 200 requests per second (throughput
 * and latency percentiles), and the server time of a discussion page with 300 sections and 5,000
 * comments. Run on purpose: {@code ./mvnw -pl web -am verify -Dgroups=benchmark -Dsurefire.excludedGroups=
 * -Dtest=ParticipationBenchmarkTests -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@Tag("benchmark")
@SpringBootTest(classes = WebApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "spring.config.name=" + WebApplication.CONFIG_NAME,
				"parley.participation.posts-per-minute=1000000", "logging.level.root=WARN" })
class ParticipationBenchmarkTests {

	private static final int RATE = 200;

	private static final int SECONDS = 15;

	@DynamicPropertySource
	static void infrastructure(DynamicPropertyRegistry registry) {
		TestInfrastructure.register(registry);
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

	@Test
	void commentPostsAt200PerSecondAndABigDiscussionPage() throws Exception {
		UUID discussion = bigDiscussion(300, 5000);
		CookieManager cookies = new CookieManager();
		HttpClient http = HttpClient.newBuilder().cookieHandler(cookies).connectTimeout(Duration.ofSeconds(5)).build();
		signIn(http, discussion);
		String xsrf = cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("XSRF-TOKEN"))
			.map(HttpCookie::getValue).findFirst().orElseThrow();

		List<Long> page = new ArrayList<>();
		for (int i = 0; i < 30; i++) {
			long start = System.nanoTime();
			HttpResponse<String> response = http.send(
					HttpRequest.newBuilder(URI.create(base() + "/discussions/" + discussion)).build(),
					HttpResponse.BodyHandlers.ofString());
			assertThat(response.statusCode()).isEqualTo(200);
			if (i >= 10) {
				page.add(System.nanoTime() - start);
			}
		}

		List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
		List<CompletableFuture<Object>> inFlight = Collections.synchronizedList(new ArrayList<>());
		ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor();
		int total = RATE * SECONDS;
		int[] sent = { 0 };
		long began = System.nanoTime();
		ticker.scheduleAtFixedRate(() -> {
			if (sent[0]++ >= total) {
				return;
			}
			int section = 1 + (sent[0] % 300);
			long start = System.nanoTime();
			HttpRequest post = HttpRequest
				.newBuilder(URI.create(base() + "/api/discussions/" + discussion + "/sections/" + section + "/comments"))
				.header("Content-Type", "application/json")
				.header("X-XSRF-TOKEN", xsrf)
				.POST(HttpRequest.BodyPublishers.ofString("{\"text\":\"Benchmark comment " + sent[0] + "\"}"))
				.build();
			inFlight.add(http.sendAsync(post, HttpResponse.BodyHandlers.discarding()).handle((r, failure) -> {
				if (r != null && r.statusCode() == 201) {
					latencies.add(System.nanoTime() - start);
				}
				return null;
			}));
		}, 0, 1_000_000 / RATE, TimeUnit.MICROSECONDS);
		while (sent[0] < total) {
			Thread.onSpinWait();
		}
		ticker.shutdown();
		CompletableFuture.allOf(inFlight.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
		double elapsed = (System.nanoTime() - began) / 1e9;

		System.out.printf("%nBENCHMARK participation (%s)%n", TestInfrastructure.external() ? "PostgreSQL" : "H2");
		System.out.printf("  comment POST at %d/s for %d s: %d of %d created, %.0f/s; p50 %.1f ms, p99 %.1f ms, max %.1f ms%n",
				RATE, SECONDS, latencies.size(), total, latencies.size() / elapsed, percentile(latencies, 50),
				percentile(latencies, 99), percentile(latencies, 100));
		System.out.printf("  discussion page, 300 sections + 5,000 comments: p50 %.1f ms, p99 %.1f ms%n",
				percentile(page, 50), percentile(page, 99));
		assertThat(latencies).as("comments created").isNotEmpty();
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
		UUID author = this.participants.findOrCreate("author-" + UUID.randomUUID() + "@example.org", OffsetDateTime.now())
			.id();
		for (int i = 0; i < commentCount; i++) {
			this.comments.add(new Comment(UUID.randomUUID(), id, 1 + i % sectionCount, null, null, null, author,
					"Seeded comment " + i, CommentState.PUBLISHED, 0, OffsetDateTime.now()));
		}
		return id;
	}

	private void signIn(HttpClient http, UUID discussion) throws Exception {
		String email = "bench-reader-" + UUID.randomUUID() + "@example.org";
		this.signInLinks.request(email, discussion, null);
		UUID link = this.jdbc.sql("select id from sign_in_link where email = :e").param("e", email).query(UUID.class).single();
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
