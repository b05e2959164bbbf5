package org.parley.invite;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import com.icegreen.greenmail.util.GreenMail;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.parley.domain.test.RawMailLoop;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 4's benchmark, in one JVM: N invitees from the request stored to the last message
 * accepted by the SMTP sink (GreenMail), against a raw Jakarta Mail loop over one reused
 * connection to the same sink, in the same run; prints the ratio and the peak heap. Runs
 * on purpose only:
 * {@code ./mvnw -o -pl invite-worker -am verify -Dgroups=benchmark -Dsurefire.excludedGroups= -Dtest=InvitationThroughputBenchmarkTests -Dsurefire.failIfNoSpecifiedTests=false -Dparley.benchmark.invitees=20000}
 * (add {@code -Pexternal-infra} for PostgreSQL and RabbitMQ). The peak heap is the test
 * JVM's, the sink's stored mail included, so it bounds the worker's from above.
 */
@Tag("benchmark")
@InviteWorkerIntegrationTest
@TestPropertySource(properties = { "parley.invitation.fan-out.chunk-size=500", "logging.level.org.parley=WARN" })
class InvitationThroughputBenchmarkTests {

	static final int INVITEES = Integer.getInteger("parley.benchmark.invitees", 5_000);

	static final String MESSAGE = "A short personal message from the organiser.";

	static final GreenMail sink = MailCatcher.start();

	@DynamicPropertySource
	static void infrastructure(DynamicPropertyRegistry registry) {
		MailCatcher.register(registry, sink.getSmtp().getPort());
	}

	@AfterAll
	static void stopSink() {
		sink.stop();
	}

	@Autowired
	ApplicationContext context;

	@Test
	void parleyAgainstARawJakartaMailLoop() throws Exception {
		InvitationFixtures fixtures = new InvitationFixtures(this.context);
		UUID discussion = fixtures.discussion("Benchmark");
		parley(fixtures, discussion, 200);
		raw(200);

		PeakHeap peak = PeakHeap.start();
		long parleyNanos = parley(fixtures, discussion, INVITEES);
		long parleyPeak = peak.stop();
		long rawNanos = raw(INVITEES);

		double parleyRate = INVITEES / (parleyNanos / 1e9);
		double rawRate = INVITEES / (rawNanos / 1e9);
		System.out.printf("%nBENCHMARK invitations: %d invitees%n", INVITEES);
		System.out.printf("  Parley (request stored -> last message accepted by the sink): %.2f s, %.0f msg/s%n",
				parleyNanos / 1e9, parleyRate);
		System.out.printf("  raw Jakarta Mail loop, one reused connection:                 %.2f s, %.0f msg/s%n",
				rawNanos / 1e9, rawRate);
		System.out.printf("  ratio Parley / raw: %.2fx%n", parleyRate / rawRate);
		System.out.printf("  peak heap of the test JVM during the Parley run: %d MB%n%n", parleyPeak / (1024 * 1024));
	}

	private long parley(InvitationFixtures fixtures, UUID discussion, int n) {
		String tag = UUID.randomUUID().toString().substring(0, 8);
		StringBuilder csv = new StringBuilder("email,name\n");
		for (int i = 0; i < n; i++) {
			csv.append("bench")
				.append(i)
				.append('-')
				.append(tag)
				.append("@example.org,Invitee ")
				.append(i)
				.append('\n');
		}
		int before = sink.getReceivedMessages().length;
		long start = System.nanoTime();
		UUID batchId = fixtures.invite(discussion, csv.toString(), MESSAGE);
		AtomicLong done = new AtomicLong();
		await().atMost(Duration.ofMinutes(60)).pollInterval(Duration.ofMillis(20)).until(() -> {
			if (sink.getReceivedMessages().length - before >= n) {
				done.set(System.nanoTime());
				return true;
			}
			return false;
		});
		fixtures.awaitFinished(batchId, Duration.ofMinutes(1));
		assertThat(sink.getReceivedMessages().length - before).isEqualTo(n);
		return done.get() - start;
	}

	private static long raw(int n) throws Exception {
		int before = sink.getReceivedMessages().length;
		long start = RawMailLoop.send("127.0.0.1", sink.getSmtp().getPort(), n, MESSAGE);
		long elapsed = System.nanoTime() - start;
		assertThat(sink.getReceivedMessages().length - before).isEqualTo(n);
		return elapsed;
	}

	/** The highest heap use while it runs, sampled from the JVM's memory pools. */
	private static final class PeakHeap {

		private final AtomicLong peak = new AtomicLong();

		private final ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();

		static PeakHeap start() {
			System.gc();
			PeakHeap heap = new PeakHeap();
			List<MemoryPoolMXBean> pools = ManagementFactory.getMemoryPoolMXBeans()
				.stream()
				.filter(p -> p.getType() == MemoryType.HEAP)
				.toList();
			heap.sampler.scheduleAtFixedRate(() -> heap.peak
				.accumulateAndGet(pools.stream().mapToLong(p -> p.getUsage().getUsed()).sum(), Math::max), 0, 20,
					TimeUnit.MILLISECONDS);
			return heap;
		}

		long stop() {
			this.sampler.shutdownNow();
			return this.peak.get();
		}

	}

}
