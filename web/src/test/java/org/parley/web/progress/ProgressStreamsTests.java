package org.parley.web.progress;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ProgressStreamsTests {

	private static final UUID WORK = UUID.randomUUID();

	@Test
	void aQuickReadIsRepeatedAtEveryEvent() {
		CountingStreams streams = new CountingStreams(Duration.ofMillis(1));
		streams.open(new Work(WORK, 0, false));
		for (int event = 1; event <= 8; event++) {
			streams.advanceTo(event * 250);
			streams.refresh(WORK);
		}
		// The read at opening, then one per event.
		assertThat(streams.readsAtMillis).containsExactly(0L, 250L, 500L, 750L, 1000L, 1250L, 1500L, 1750L, 2000L);
	}

	@Test
	void aSlowReadWaitsTwentyTimesAsLongBeforeTheNext() {
		CountingStreams streams = new CountingStreams(Duration.ofMillis(50));
		streams.open(new Work(WORK, 0, false));
		for (int event = 1; event <= 12; event++) {
			streams.advanceTo(event * 250);
			streams.refresh(WORK);
		}
		// 50 ms a read: the next one 1 s after the last began; the events between are
		// left out.
		assertThat(streams.readsAtMillis).containsExactly(0L, 1000L, 2000L, 3000L);
	}

	@Test
	void theFinalStateArrivesWithTheFirstReadAfterTheQuietTimeAndClosesTheStream() {
		CountingStreams streams = new CountingStreams(Duration.ofMillis(50));
		streams.open(new Work(WORK, 0, false));
		streams.finishAtMillis = 1100;
		// Left out: within the quiet time of the opening read.
		streams.advanceTo(500);
		streams.refresh(WORK);
		// Read: the quiet time after the opening read ended at 1,000 ms.
		streams.advanceTo(1100);
		streams.refresh(WORK);
		// Closed with the final state: nothing left to read.
		streams.advanceTo(1200);
		streams.refresh(WORK);
		streams.advanceTo(5000);
		streams.sweep();
		assertThat(streams.readsAtMillis).containsExactly(0L, 1100L);
		assertThat(streams.lastRead).isEqualTo(new Work(WORK, 1100, true));
	}

	record Work(UUID id, long atMillis, boolean isFinished) implements ProgressStreams.Progress {
	}

	/** Streams whose every read costs the given time on a clock the test moves. */
	static final class CountingStreams extends ProgressStreams<Work> {

		private final long readNanos;

		private final long[] now;

		final List<Long> readsAtMillis = new ArrayList<>();

		long finishAtMillis = Long.MAX_VALUE;

		Work lastRead;

		CountingStreams(Duration read) {
			this(read, new long[] { 0 });
		}

		private CountingStreams(Duration read, long[] now) {
			super("work", Work.class, () -> now[0]);
			this.readNanos = read.toNanos();
			this.now = now;
		}

		void advanceTo(long millis) {
			this.now[0] = Duration.ofMillis(millis).toNanos();
		}

		@Override
		protected Optional<Work> load(UUID id) {
			long millis = Duration.ofNanos(this.now[0]).toMillis();
			this.readsAtMillis.add(millis);
			this.now[0] += this.readNanos;
			this.lastRead = new Work(id, millis, millis >= this.finishAtMillis);
			return Optional.of(this.lastRead);
		}

	}

}
