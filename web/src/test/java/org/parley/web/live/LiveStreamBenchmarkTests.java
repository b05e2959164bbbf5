package org.parley.web.live;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.ThreadMXBean;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.parley.domain.discussion.DiscussionRepository;
import org.parley.domain.organiser.OrganiserRepository;
import org.parley.domain.outline.Block;
import org.parley.domain.outline.Outline;
import org.parley.domain.outline.OutlineSection;
import org.parley.domain.test.TestInfrastructure;
import org.parley.web.TestInfrastructureProperties;
import org.parley.web.TestOrganisers;
import org.parley.web.WebApplication;
import org.parley.web.participation.SignInLinks;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 18's figure: 2,000 viewers of one discussion on one web instance while comments
 * arrive at 20 a second. Side by side in the same run, the same number of idle SSE
 * connections to a static endpoint with the same comments posted (nobody watching the
 * discussion): what the live streams cost on top of holding the connections.
 * <p>
 * The viewers run in a process of their own ({@link SseLoadClient}), so this JVM's CPU
 * and heap are the web's (and the poster's, which is small and counted apart). Event
 * latency is from the instant a comment's POST is sent to its event's arrival at each
 * viewer; CPU is over the measured window, heap is used heap after a full GC.
 * <p>
 * Run on purpose: {@code ./mvnw -pl web -am test -Dgroups=benchmark
 * -Dsurefire.excludedGroups= -Dtest=LiveStreamBenchmarkTests
 * -Dsurefire.failIfNoSpecifiedTests=false}; {@code -Dparley.benchmark.viewers=} and
 * {@code -Dparley.benchmark.seconds=} change the size.
 */
@Tag("benchmark")
@SpringBootTest(classes = WebApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "spring.config.name=" + WebApplication.CONFIG_NAME, "parley.admin.email=" + TestOrganisers.ADMIN,
				"parley.admin.password=" + TestOrganisers.ADMIN_PASSWORD,
				"parley.participation.posts-per-minute=1000000", "logging.level.root=WARN",
				"parley.secrets.generate-missing=true", "spring.datasource.hikari.maximum-pool-size=10" })
@ContextConfiguration(initializers = TestInfrastructureProperties.class)
@Import(LiveStreamBenchmarkTests.IdleEvents.class)
class LiveStreamBenchmarkTests {

	private static final int VIEWERS = Integer.getInteger("parley.benchmark.viewers", 2000);

	private static final int RATE = 20;

	private static final int SECONDS = Integer.getInteger("parley.benchmark.seconds", 30);

	private static final int WARM_UP_SECONDS = 10;

	private static final int SECTIONS = 10;

	@LocalServerPort
	int port;

	@Autowired
	DiscussionRepository discussions;

	@Autowired
	OrganiserRepository organisers;

	@Autowired
	SignInLinks signInLinks;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DiscussionStreams streams;

	@Autowired
	IdleEventsController idleEvents;

	@Autowired
	io.micrometer.core.instrument.MeterRegistry meters;

	@Test
	void twoThousandViewersWhileCommentsArriveAtTwentyASecond() throws Exception {
		UUID discussion = openDiscussion();
		Poster poster = new Poster(discussion);
		// The comment path warm before anything is measured.
		poster.post(WARM_UP_SECONDS);

		Phase idle = run("idle SSE to a static endpoint", URI.create(base() + "/api/discussions/idle/events"), poster,
				this.idleEvents::completeAll);
		Phase live = run("live discussion stream", URI.create(base() + "/api/discussions/" + discussion + "/events"),
				poster, () -> {
				});

		System.out.printf(
				"%nBENCHMARK live discussion (%s, %d cores), %d viewers, comments at %d/s for %d s after"
						+ " %d s of warm-up; viewers in their own process%n",
				TestInfrastructure.external() ? "PostgreSQL" : "H2", Runtime.getRuntime().availableProcessors(),
				VIEWERS, RATE, SECONDS, WARM_UP_SECONDS);
		idle.print();
		live.print();
		printTimer("server side, commit to frames written", "parley.live.delay");
		printTimer("fan-out, one batch's bytes to every viewer", "parley.live.fan-out");
		System.out.printf("  live / idle: web CPU x%.2f, heap with viewers %+.1f MB%n",
				live.webCpuSeconds / idle.webCpuSeconds, live.heapWithViewersMb - idle.heapWithViewersMb);
		assertThat(live.posted).as("comments posted").isGreaterThanOrEqualTo(RATE * SECONDS * 95 / 100);
		assertThat(live.events()).as("comment events received by all viewers")
			.isGreaterThanOrEqualTo((long) live.posted * VIEWERS * 95 / 100);
		assertThat(live.ended()).as("streams the web closed").isZero();
	}

	/**
	 * A server-side timer: its mean over the measured window, and its percentiles and
	 * maximum, which are Micrometer's over the last two minutes (the viewers' joining
	 * included).
	 */
	private void printTimer(String what, String name) {
		var timer = this.meters.get(name).timer();
		var snapshot = timer.takeSnapshot();
		StringBuilder percentiles = new StringBuilder();
		for (var p : snapshot.percentileValues()) {
			percentiles.append(String.format(" p%.0f %.1f ms,", p.percentile() * 100, p.value(TimeUnit.MILLISECONDS)));
		}
		long count = timer.count() - this.measured.getOrDefault(name + ".count", 0.0).longValue();
		double total = timer.totalTime(TimeUnit.MILLISECONDS) - this.measured.getOrDefault(name + ".total", 0.0);
		System.out.printf("  %s (%s): mean %.1f ms over the window's %d batches; last two minutes:%s max %.1f ms%n",
				what, name, (count > 0) ? total / count : Double.NaN, count, percentiles,
				snapshot.max(TimeUnit.MILLISECONDS));
	}

	/** The server-side timers' count and total at the start of the live window. */
	private final java.util.Map<String, Double> measured = new java.util.HashMap<>();

	private void markTimers() {
		for (String name : List.of("parley.live.delay", "parley.live.fan-out")) {
			var timer = this.meters.find(name).timer();
			if (timer != null) {
				this.measured.put(name + ".count", (double) timer.count());
				this.measured.put(name + ".total", timer.totalTime(TimeUnit.MILLISECONDS));
			}
		}
	}

	private Phase run(String name, URI uri, Poster poster, Runnable cleanUp) throws Exception {
		MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
		System.gc();
		double heapBefore = memory.getHeapMemoryUsage().getUsed() / 1e6;
		Process client = new ProcessBuilder(new File(System.getProperty("java.home"), "bin/java").getPath(), "-Xmx1g",
				"-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"), SseLoadClient.class.getName(),
				uri.toString(), String.valueOf(VIEWERS))
			.redirectError(ProcessBuilder.Redirect.INHERIT)
			.start();
		BufferedReader out = new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.UTF_8));
		Writer in = new OutputStreamWriter(client.getOutputStream(), StandardCharsets.UTF_8);
		long connecting = System.nanoTime();
		String line = out.readLine();
		assertThat(line).as("client says").startsWith("CONNECTED");
		double connectSeconds = (System.nanoTime() - connecting) / 1e9;
		poster.post(WARM_UP_SECONDS);
		in.write("MEASURE\n");
		in.flush();
		markTimers();
		Cpu before = Cpu.now();
		int posted = poster.post(SECONDS);
		// The last events' way to the viewers.
		LockSupport.parkNanos(TimeUnit.SECONDS.toNanos(2));
		Cpu after = Cpu.now();
		// While the viewers are still connected.
		System.gc();
		double heapWith = memory.getHeapMemoryUsage().getUsed() / 1e6;
		int streams = this.streams.viewerCount();
		in.write("STOP\n");
		in.flush();
		String result = out.readLine();
		client.waitFor(30, TimeUnit.SECONDS);
		System.out.printf("  %s: live reader and writer threads %.1f s CPU, Tomcat threads %.1f s CPU%n", name,
				after.readers - before.readers, after.tomcat - before.tomcat);
		Phase phase = new Phase(name, VIEWERS, streams, connectSeconds, posted, after.process - before.process,
				(after.process - before.process) - (after.poster - before.poster), heapBefore, heapWith, result);
		client.destroy();
		cleanUp.run();
		// The web notices the closed streams at the next heartbeat or write.
		LockSupport.parkNanos(TimeUnit.SECONDS.toNanos(3));
		return phase;
	}

	private String base() {
		return "http://localhost:" + this.port;
	}

	private UUID openDiscussion() {
		UUID owner = this.organisers.findByEmail(TestOrganisers.ADMIN).orElseThrow().id();
		List<OutlineSection> sections = new ArrayList<>();
		for (int i = 1; i <= SECTIONS; i++) {
			sections.add(new OutlineSection(i + ".", "Section " + i, 1, List.of(Block.paragraph("Text " + i + "."))));
		}
		UUID id = this.discussions.addDraft(null, owner, "Live benchmark",
				new Outline("Live benchmark", null, sections), OffsetDateTime.now());
		var draft = this.discussions.findById(id).orElseThrow();
		this.discussions
			.update(draft.schedule(null, OffsetDateTime.now().plusDays(3), null).publish(Clock.systemUTC()));
		return id;
	}

	/** Comments posted by one signed-in participant, at a fixed rate (open loop). */
	private final class Poster {

		private final UUID discussion;

		private final HttpClient http;

		private final String xsrf;

		private int sent;

		Poster(UUID discussion) throws Exception {
			this.discussion = discussion;
			CookieManager cookies = new CookieManager();
			this.http = HttpClient.newBuilder()
				.version(HttpClient.Version.HTTP_1_1)
				.cookieHandler(cookies)
				.executor(java.util.concurrent.Executors.newSingleThreadExecutor(r -> new Thread(r, "bench-poster")))
				.build();
			String email = "bench-poster-" + UUID.randomUUID() + "@example.org";
			LiveStreamBenchmarkTests.this.signInLinks.request(email, discussion, "bench-" + UUID.randomUUID());
			UUID link = LiveStreamBenchmarkTests.this.jdbc.sql("select id from sign_in_link where email = :e")
				.param("e", email)
				.query(UUID.class)
				.single();
			this.http.send(HttpRequest
				.newBuilder(URI.create(base() + "/sign-in/" + LiveStreamBenchmarkTests.this.signInLinks.token(link)))
				.build(), HttpResponse.BodyHandlers.discarding());
			this.http.send(HttpRequest.newBuilder(URI.create(base() + "/discussions/" + discussion)).build(),
					HttpResponse.BodyHandlers.discarding());
			this.xsrf = cookies.getCookieStore()
				.getCookies()
				.stream()
				.filter(c -> c.getName().equals("XSRF-TOKEN"))
				.map(HttpCookie::getValue)
				.findFirst()
				.orElseThrow();
		}

		/**
		 * @return how many were created
		 */
		int post(int seconds) throws InterruptedException {
			int total = RATE * seconds;
			long interval = 1_000_000_000L / RATE;
			AtomicInteger created = new AtomicInteger();
			java.util.concurrent.CountDownLatch done = new java.util.concurrent.CountDownLatch(total);
			long began = System.nanoTime();
			for (int i = 0; i < total; i++) {
				long wait = began + i * interval - System.nanoTime();
				if (wait > 0) {
					LockSupport.parkNanos(wait);
				}
				int n = this.sent++;
				long micros = ChronoUnit.MICROS.between(Instant.EPOCH, Instant.now());
				HttpRequest request = HttpRequest
					.newBuilder(URI.create(base() + "/api/discussions/" + this.discussion + "/sections/"
							+ (1 + n % SECTIONS) + "/comments"))
					.header("Content-Type", "application/json")
					.header("X-XSRF-TOKEN", this.xsrf)
					.POST(HttpRequest.BodyPublishers.ofString("{\"text\":\"bench t=" + micros + " n=" + n + "\"}"))
					.build();
				this.http.sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenComplete((r, failure) -> {
					if (r != null && r.statusCode() == 201) {
						created.incrementAndGet();
					}
					done.countDown();
				});
			}
			done.await(30, TimeUnit.SECONDS);
			return created.get();
		}

	}

	/** CPU seconds of this process, and of the poster's threads within it. */
	private record Cpu(double process, double poster, double readers, double tomcat) {

		static Cpu now() {
			ThreadMXBean threads = ManagementFactory.getThreadMXBean();
			double poster = 0;
			double readers = 0;
			double tomcat = 0;
			for (var info : threads.getThreadInfo(threads.getAllThreadIds())) {
				if (info == null) {
					continue;
				}
				double cpu = Math.max(0, threads.getThreadCpuTime(info.getThreadId())) / 1e9;
				String name = info.getThreadName();
				if (name.startsWith("HttpClient") || name.startsWith("bench-poster")) {
					poster += cpu;
				}
				else if (name.startsWith("live-reader") || name.startsWith("live-writer")) {
					readers += cpu;
				}
				else if (name.startsWith("http-nio")) {
					tomcat += cpu;
				}
			}
			double process = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
				.getProcessCpuTime() / 1e9;
			return new Cpu(process, poster, readers, tomcat);
		}

	}

	private record Phase(String name, int viewers, int liveStreams, double connectSeconds, int posted,
			double processCpuSeconds, double webCpuSeconds, double heapBeforeMb, double heapWithViewersMb,
			String client) {

		long events() {
			return Long.parseLong(field("events"));
		}

		int ended() {
			return Integer.parseInt(field("ended"));
		}

		String field(String key) {
			for (String part : this.client.split(" ")) {
				if (part.startsWith(key + "=")) {
					return part.substring(key.length() + 1);
				}
			}
			throw new IllegalStateException(key + " missing in " + this.client);
		}

		void print() {
			System.out.printf(
					"  %s: %d viewers connected in %.1f s (%d live streams held); %d comments in %d s; latency p50 %s ms, p99 %s ms, max %s ms"
							+ " over %s events; web CPU %.1f s (%.0f%% of one core; process %.1f s); heap %.1f MB"
							+ " before, %.1f MB with the viewers (%+.1f MB, %.1f kB each); client CPU %s s%n",
					this.name, this.viewers, this.connectSeconds, this.liveStreams, this.posted, SECONDS, field("p50"),
					field("p99"), field("max"), field("events"), this.webCpuSeconds,
					100 * this.webCpuSeconds / (SECONDS + 2), this.processCpuSeconds, this.heapBeforeMb,
					this.heapWithViewersMb, this.heapWithViewersMb - this.heapBeforeMb,
					1000 * (this.heapWithViewersMb - this.heapBeforeMb) / this.viewers, field("cpuSeconds"));
		}

	}

	/**
	 * The baseline: SSE streams that Spring's {@link SseEmitter} holds open and never
	 * writes to after their first line.
	 */
	@TestConfiguration(proxyBeanMethods = false)
	static class IdleEvents {

		@Bean
		IdleEventsController idleEventsController() {
			return new IdleEventsController();
		}

	}

	@RestController
	static class IdleEventsController {

		private final Queue<SseEmitter> open = new ConcurrentLinkedQueue<>();

		@GetMapping("/api/discussions/idle/events")
		SseEmitter events() throws IOException {
			SseEmitter emitter = new SseEmitter(0L);
			emitter.send(SseEmitter.event().comment("open"));
			this.open.add(emitter);
			emitter.onCompletion(() -> this.open.remove(emitter));
			emitter.onError(e -> this.open.remove(emitter));
			return emitter;
		}

		/**
		 * Idle streams are never written to, so their end is never noticed: ended here.
		 */
		void completeAll() {
			SseEmitter emitter;
			while ((emitter = this.open.poll()) != null) {
				emitter.complete();
			}
		}

	}

}
