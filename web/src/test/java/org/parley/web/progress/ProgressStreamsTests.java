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
		streams.finishAt(1100);
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
		assertThat(streams.lastRead()).isEqualTo(new Work(WORK, 1100, true));
	}

	record Work(UUID id, long atMillis, boolean isFinished) implements ProgressStreams.Progress {
	}

	/** Streams whose every read costs the given time on a clock the test moves. */
	static final class CountingStreams extends ProgressStreams<Work> {

		private final Reads reads;

		final List<Long> readsAtMillis;

		CountingStreams(Duration read) {
			this(new Reads(read.toNanos()));
		}

		private CountingStreams(Reads reads) {
			super("work", Work.class, reads::read, () -> reads.now);
			this.reads = reads;
			this.readsAtMillis = reads.atMillis;
		}

		void advanceTo(long millis) {
			this.reads.now = Duration.ofMillis(millis).toNanos();
		}

		void finishAt(long millis) {
			this.reads.finishAtMillis = millis;
		}

		Work lastRead() {
			return this.reads.last;
		}

	}

	/** The reads of {@link CountingStreams} and the clock they move. */
	static final class Reads {

		private final long readNanos;

		final List<Long> atMillis = new ArrayList<>();

		long now;

		long finishAtMillis = Long.MAX_VALUE;

		Work last;

		Reads(long readNanos) {
			this.readNanos = readNanos;
		}

		Optional<Work> read(UUID id) {
			long millis = Duration.ofNanos(this.now).toMillis();
			this.atMillis.add(millis);
			this.now += this.readNanos;
			this.last = new Work(id, millis, millis >= this.finishAtMillis);
			return Optional.of(this.last);
		}

	}

}
