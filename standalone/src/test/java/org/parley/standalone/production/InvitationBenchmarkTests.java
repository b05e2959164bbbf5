package org.parley.standalone.production;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import jakarta.mail.MessagingException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.parley.domain.test.RawMailLoop;
import org.parley.standalone.production.SmtpSink.AcceptedMessage;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Issue 4's benchmark in the production shape (ADR 0013): the three apps as processes
 * from their jars, PostgreSQL, RabbitMQ and {@code smtp-sink}, the sending rate
 * unlimited.
 * <ul>
 * <li>N invitees (default 100,000) from the 202 of {@code POST
 * /api/discussions/{id}/invitations} to the last message accepted by the sink, against a
 * raw Jakarta Mail loop sending as many messages of the same shape over one reused
 * connection to the same sink, in the same run;</li>
 * <li>the invite-worker's peak RSS at N and at M invitees (default 1,000,000): a fresh
 * worker process each time, the whole fan-out and a bounded send window for M;</li>
 * <li>one invite-worker against two, on the same number of invitees.</li>
 * </ul>
 * Run on purpose only:
 * {@code ./mvnw -B -ntp -pl standalone -am verify -Dgroups=benchmark -Dsurefire.excludedGroups= -Dtest=InvitationBenchmarkTests -Dsurefire.failIfNoSpecifiedTests=false}
 * with {@code -Dparley.benchmark.invitees=}, {@code -Dparley.benchmark.memory-invitees=},
 * {@code -Dparley.benchmark.memory-window=PT2M} and
 * {@code -Dparley.benchmark.scale-out-invitees=} to change the sizes.
 */
@Tag("benchmark")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class InvitationBenchmarkTests {

	static final int INVITEES = Integer.getInteger("parley.benchmark.invitees", 100_000);

	/**
	 * Sent by each side before it is measured. With 2,000, the invite-worker's C2
	 * compiler still took a sixth of the machine in the measured campaign's first
	 * seconds.
	 */
	static final int WARM_UP = Integer.getInteger("parley.benchmark.warm-up", 10_000);

	/**
	 * With true, an organiser watches the measured campaign: its batch's SSE stream is
	 * open.
	 */
	static final boolean WATCHED = Boolean.getBoolean("parley.benchmark.watched");

	static final int MEMORY_INVITEES = Integer.getInteger("parley.benchmark.memory-invitees", 1_000_000);

	static final Duration MEMORY_WINDOW = Duration.parse(System.getProperty("parley.benchmark.memory-window", "PT2M"));

	static final int SCALE_OUT_INVITEES = Integer.getInteger("parley.benchmark.scale-out-invitees", INVITEES);

	static final String MESSAGE = "A short personal message from the organiser: the draft closes on 15 February.";

	static ProductionShape shape;

	/**
	 * The invite-worker's peak RSS after the first test's N invitees, in kB; 0 until
	 * then.
	 */
	static long peakRssAtN;

	static UUID discussion;

	@BeforeAll
	static void start() throws Exception {
		String unavailable = ProductionShape.unavailableBecause();
		assumeTrue(unavailable == null, () -> "Production shape skipped: " + unavailable);
		shape = ProductionShape.with(1, 1, 2)
			.env(ParleyApp.INVITE_WORKER, "PARLEY_SMTP_RATE_PER_SECOND", "0")
			.env(ParleyApp.INVITE_WORKER, "LOGGING_LEVEL_ORG_PARLEY", "WARN");
		// -Dparley.benchmark.invite-worker-env=NAME=value,NAME=value tries other
		// settings.
		for (String setting : System.getProperty("parley.benchmark.invite-worker-env", "").split(",")) {
			if (setting.contains("=")) {
				shape.env(ParleyApp.INVITE_WORKER, setting.substring(0, setting.indexOf('=')),
						setting.substring(setting.indexOf('=') + 1));
			}
		}
		shape.start();
		discussion = shape.api()
			.publishedDiscussion(ProductionShapeIntegrationTests.sample("doc-office.pdf"), "doc-office.pdf",
					"Benchmark", Duration.ofMinutes(2));
	}

	@AfterAll
	static void stop() {
		if (shape != null) {
			shape.close();
		}
	}

	@Test
	@Order(1)
	void parleyAgainstARawJakartaMailLoop() throws Exception {
		inviteWorkers(1);
		// Warm both up: the JIT, the pools, the sink.
		campaign(WARM_UP, false);
		rawLoop(WARM_UP);

		Campaign parley = campaign(INVITEES, true);
		long raw = rawLoop(INVITEES);
		long rss = shape.instance(ParleyApp.INVITE_WORKER, 1).peakRssKb().orElseThrow();
		peakRssAtN = rss;

		double parleyRate = INVITEES / seconds(parley.sendNanos());
		double rawRate = INVITEES / seconds(raw);
		report("""

				BENCHMARK invitations in the production shape: %,d invitees, 1 web, 1 ingest-worker, 1 invite-worker, smtp-sink
				  upload (POST until 202):                                   %8.2f s
				  Parley, 202 -> last message accepted by the sink:           %8.2f s  %7.0f msg/s
				  raw Jakarta Mail loop, one reused connection, same sink:    %8.2f s  %7.0f msg/s
				  ratio Parley / raw:                                         %8.2fx
				  invite-worker peak RSS (VmHWM, warm-up included):           %8d MB
				""",
				INVITEES, seconds(parley.uploadNanos()), seconds(parley.sendNanos()), parleyRate, seconds(raw), rawRate,
				parleyRate / rawRate, rss / 1024);
	}

	@Test
	@Order(3)
	void inviteWorkerMemoryStaysFlatFromNToMInvitees() {
		inviteWorkers(1);
		AppInstance worker = shape.instance(ParleyApp.INVITE_WORKER, 1);
		long atN = peakRssAtN;
		String warmUp = "after a warm-up of " + String.format("%,d", WARM_UP);
		if (atN == 0) {
			warmUp = "no warm-up";
			// The first test did not run: a fresh process for N invitees here.
			worker.restart(ProductionShape.START_TIMEOUT);
			campaign(INVITEES, false);
			atN = worker.peakRssKb().orElseThrow();
		}

		worker.restart(ProductionShape.START_TIMEOUT);
		long sentBefore = shape.sink().accepted();
		long start = System.nanoTime();
		UUID batch = shape.api().invite(discussion, csv(MEMORY_INVITEES), MESSAGE);
		await("fan-out of " + MEMORY_INVITEES).atMost(Duration.ofHours(1))
			.pollInterval(Duration.ofMillis(200))
			.until(() -> "DONE".equals(shape.ledger().fanOut(batch)));
		long fanOut = System.nanoTime() - start;
		long sentAtFanOut = shape.sink().accepted() - sentBefore;
		await("send window").pollDelay(MEMORY_WINDOW).atMost(MEMORY_WINDOW.plusSeconds(5)).until(() -> true);
		long sentInWindow = shape.sink().accepted() - sentBefore - sentAtFanOut;
		long atM = worker.peakRssKb().orElseThrow();
		assertThat(shape.ledger().statuses(batch).values().stream().mapToInt(Integer::intValue).sum())
			.isEqualTo(MEMORY_INVITEES);
		report("""

				BENCHMARK invite-worker memory: a fresh process for each
				  %,9d invitees, all sent (%s):                      peak RSS %6d MB
				  %,9d invitees, the whole fan-out (%.0f s, %,d sent meanwhile) and %s more sending (%,d sent): peak RSS %6d MB
				  ratio: %.2fx
				""",
				INVITEES, warmUp, atN / 1024, MEMORY_INVITEES, seconds(fanOut), sentAtFanOut, MEMORY_WINDOW,
				sentInWindow, atM / 1024, (double) atM / atN);
		// The last test: the messages left are deleted with the vhost.
	}

	@Test
	@Order(2)
	void oneInviteWorkerAgainstTwo() {
		inviteWorkers(1);
		Campaign one = campaign(SCALE_OUT_INVITEES, true);
		inviteWorkers(2);
		Campaign two = campaign(SCALE_OUT_INVITEES, true);
		double oneRate = SCALE_OUT_INVITEES / seconds(one.sendNanos());
		double twoRate = SCALE_OUT_INVITEES / seconds(two.sendNanos());
		report("""

				BENCHMARK scale-out: %,d invitees, 202 -> last message accepted
				  one invite-worker:  %8.2f s  %7.0f msg/s
				  two invite-workers: %8.2f s  %7.0f msg/s
				  ratio two / one:    %8.2fx
				""", SCALE_OUT_INVITEES, seconds(one.sendNanos()), oneRate, seconds(two.sendNanos()), twoRate,
				twoRate / oneRate);
	}

	/**
	 * Runs a campaign to its end; with {@code verify}, checks the sink against the
	 * ledger.
	 */
	private static Campaign campaign(int invitees, boolean verify) {
		byte[] csv = csv(invitees);
		if (verify) {
			shape.sink().forgetMessages();
		}
		long before = shape.sink().accepted();
		long start = System.nanoTime();
		UUID batch = shape.api().invite(discussion, csv, MESSAGE);
		long accepted = System.nanoTime();
		ProgressStream watcher = (verify && WATCHED)
				? ProgressStream.open(shape.api().base().resolve("/api/invitation-batches/" + batch + "/events"),
						shape.api().authorization(), "web-1", null)
				: null;
		await("the sink accepting " + invitees).atMost(Duration.ofHours(2))
			.pollInterval(Duration.ofMillis(20))
			.until(() -> shape.sink().accepted() - before >= invitees);
		long last = shape.sink().lastAcceptedNanos();
		if (watcher != null) {
			watcher.end().orTimeout(1, TimeUnit.MINUTES).join();
			report("  watched: %d progress events over SSE, the last one %s%n", watcher.events().size(),
					watcher.events().get(watcher.events().size() - 1).data());
			watcher.close();
		}
		JsonNode done = ProductionShapeIntegrationTests.awaitFinished(shape.api(), batch);
		assertThat(done.path("sent").asInt()).isEqualTo(invitees);
		if (verify) {
			Map<String, String> ledger = shape.ledger().sentMessageIds(batch);
			Map<String, Long> copies = shape.sink()
				.messages()
				.stream()
				.collect(Collectors.groupingBy(AcceptedMessage::messageId, Collectors.counting()));
			assertThat(copies).as("copies in the sink by Message-ID").containsOnlyKeys(ledger.keySet());
			assertThat(copies.values()).as("copies of each message").containsOnly(1L);
		}
		return new Campaign(batch, accepted - start, last - accepted);
	}

	/**
	 * The raw loop to the same sink: from before it connects to the sink's last
	 * acceptance.
	 */
	private static long rawLoop(int n) throws MessagingException {
		long before = shape.sink().accepted();
		long start = RawMailLoop.send("127.0.0.1", shape.sink().port(), n, MESSAGE);
		await().atMost(Duration.ofMinutes(1)).until(() -> shape.sink().accepted() - before >= n);
		return shape.sink().lastAcceptedNanos() - start;
	}

	private static void inviteWorkers(int count) {
		for (AppInstance worker : shape.instances(ParleyApp.INVITE_WORKER)) {
			boolean wanted = Integer.parseInt(worker.name().substring(worker.name().lastIndexOf('-') + 1)) <= count;
			if (wanted && !worker.isAlive()) {
				worker.start();
				worker.awaitHealthy(ProductionShape.START_TIMEOUT);
			}
			else if (!wanted && worker.isAlive()) {
				worker.stop();
			}
		}
	}

	private static byte[] csv(int invitees) {
		String tag = UUID.randomUUID().toString().substring(0, 8);
		ByteArrayOutputStream csv = new ByteArrayOutputStream(invitees * 40);
		for (int i = 0; i < invitees; i++) {
			csv.writeBytes(("b" + i + "-" + tag + "@example.org,Invitee " + i + "\n").getBytes(StandardCharsets.UTF_8));
		}
		return csv.toByteArray();
	}

	private static double seconds(long nanos) {
		return nanos / 1e9;
	}

	private static void report(String format, Object... args) {
		System.out.printf(format, args);
	}

	private record Campaign(UUID batch, long uploadNanos, long sendNanos) {
	}

}
