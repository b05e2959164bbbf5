package org.parley.invite.mail;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.parley.domain.test.TestInfrastructure;
import org.parley.invite.InviteWorkerIntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The global sending rate: two workers (two {@link SendPermits} on one database), three
 * threads each, ask for more permits than a few windows hold. The grant times are read
 * from the clock the permits use, so the check is exact: no window of the configured
 * length holds more than rate × window grants, and the first window is used in full.
 */
@InviteWorkerIntegrationTest
class SendPermitsIntegrationTests {

	@DynamicPropertySource
	static void infrastructure(DynamicPropertyRegistry registry) {
		TestInfrastructure.register(registry);
	}

	@Autowired
	JdbcClient jdbc;

	@ParameterizedTest(name = "{0}/s over {1}")
	@CsvSource({ "4, PT2S, 20", "1, PT10S, 12" })
	void noWindowHoldsMoreGrantsThanTheRateAcrossWorkers(int ratePerSecond, Duration window, int wanted)
			throws Exception {
		int slots = SendPermits.slots(ratePerSecond, window);
		// Each case starts from an empty table: the previous case's grants are still
		// inside
		// this case's window and would rightly hold its first permits back.
		this.jdbc.sql("delete from send_permit").update();
		GrantClock clock = new GrantClock();
		List<SendPermits> workers = List.of(new SendPermits(this.jdbc, clock, window, 0, slots, slots),
				new SendPermits(this.jdbc, clock, window, 0, slots, slots));
		int perWindow = (int) (ratePerSecond * window.toSeconds());
		ConcurrentLinkedQueue<Instant> grants = new ConcurrentLinkedQueue<>();
		AtomicInteger asked = new AtomicInteger();
		ExecutorService threads = Executors.newFixedThreadPool(6);
		List<Future<?>> running = new ArrayList<>();
		try {
			for (int t = 0; t < 6; t++) {
				SendPermits permits = workers.get(t % 2);
				running.add(threads.submit(() -> {
					while (asked.getAndIncrement() < wanted) {
						permits.acquire();
						grants.add(clock.lastReadByThisThread());
					}
					return null;
				}));
			}
			await().atMost(window.multipliedBy(wanted / perWindow + 2))
				.pollInterval(Duration.ofMillis(50))
				.until(() -> running.stream().allMatch(Future::isDone));
			for (Future<?> f : running) {
				f.get();
			}
		}
		finally {
			threads.shutdownNow();
		}

		List<Instant> sorted = grants.stream().sorted().toList();
		assertThat(sorted).hasSize(wanted);
		for (int i = 0; i + perWindow < sorted.size(); i++) {
			assertThat(Duration.between(sorted.get(i), sorted.get(i + perWindow)))
				.as("grants %d and %d are %d apart, more than a window may hold", i, i + perWindow, perWindow)
				.isGreaterThanOrEqualTo(window);
		}
		assertThat(Duration.between(sorted.get(0), sorted.get(perWindow - 1)))
			.as("the first window's permits are all used")
			.isLessThan(window);
	}

	/**
	 * The system clock, remembering per thread the last instant it gave: when acquire
	 * returns, that is the grant time the permit table holds.
	 */
	private static final class GrantClock extends Clock {

		private final ThreadLocal<Instant> last = new ThreadLocal<>();

		@Override
		public Instant instant() {
			Instant now = Instant.now();
			this.last.set(now);
			return now;
		}

		Instant lastReadByThisThread() {
			return this.last.get().truncatedTo(ChronoUnit.MICROS);
		}

		@Override
		public ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(ZoneId zone) {
			return this;
		}

	}

}
