package org.parley.invite.mail;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * One lane of the global sending rate, shared by every worker through the database. The
 * table holds the times of the last N grants (N = rate × window); each lane owns a range
 * of those slots, its reserved share ({@link MailPriority}). A grant replaces the oldest
 * slot of the lane, and only if that one is at least a window old. So no window of that
 * length ever holds more than the lane's slots in grants, however many workers and
 * threads ask, and a campaign that drains its lane at the limit never takes the share
 * that sign-in links and notifications are sent in. Two workers racing for the same slot
 * are told apart by a conditional update. Assumes the workers' clocks agree to well
 * within the window.
 */
public class SendPermits {

	private static final Instant NEVER = Instant.EPOCH;

	private final JdbcClient jdbc;

	private final Clock clock;

	private final int firstSlot;

	private final int permits;

	private final Duration window;

	/**
	 * @param firstSlot the lane's first slot
	 * @param permits the lane's slots: grants per window; 0 for no limit
	 * @param allSlots the slots of every lane together: the table is cut to them
	 */
	SendPermits(JdbcClient jdbc, Clock clock, Duration window, int firstSlot, int permits, int allSlots) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.firstSlot = firstSlot;
		this.permits = permits;
		this.window = window;
		if (allSlots > 0) {
			this.jdbc.sql("delete from send_permit where slot >= :n").param("n", allSlots).update();
		}
		if (this.permits > 0) {
			prepareSlots();
		}
	}

	/** Slots per window for a rate: rate × window. */
	static int slots(int ratePerSecond, Duration window) {
		return (int) Math.min(Integer.MAX_VALUE, (long) ratePerSecond * Math.max(1, window.toMillis()) / 1000);
	}

	/** Whether this lane is limited at all. */
	public boolean limited() {
		return this.permits > 0;
	}

	/** Waits until sending one more message keeps within the rate. */
	public void acquire() throws InterruptedException {
		Duration wait;
		while (!(wait = takeOrWait()).isZero()) {
			Thread.sleep(Math.max(1, wait.toMillis()));
		}
	}

	/** Takes a permit if one is free now, without waiting. */
	public boolean tryAcquire() {
		return takeOrWait().isZero();
	}

	/**
	 * Zero when a permit was taken; otherwise how long until the oldest grant leaves the
	 * window.
	 */
	private Duration takeOrWait() {
		if (this.permits <= 0) {
			return Duration.ZERO;
		}
		while (true) {
			Instant now = this.clock.instant().truncatedTo(ChronoUnit.MICROS);
			Slot oldest = oldest();
			Instant free = oldest.grantedAt().plus(this.window);
			if (free.isAfter(now)) {
				return Duration.between(now, free);
			}
			if (take(oldest, now)) {
				return Duration.ZERO;
			}
		}
	}

	private Slot oldest() {
		return this.jdbc.sql("""
				select slot, granted_at from send_permit where slot >= :from and slot < :to
				order by granted_at, slot limit 1""")
			.param("from", this.firstSlot)
			.param("to", this.firstSlot + this.permits)
			.query((rs, row) -> new Slot(rs.getInt("slot"),
					rs.getObject("granted_at", OffsetDateTime.class).toInstant()))
			.single();
	}

	private boolean take(Slot slot, Instant now) {
		return this.jdbc.sql("update send_permit set granted_at = :now where slot = :slot and granted_at = :was")
			.param("now", now.atOffset(ZoneOffset.UTC))
			.param("slot", slot.number())
			.param("was", slot.grantedAt().atOffset(ZoneOffset.UTC))
			.update() == 1;
	}

	/**
	 * Makes the table hold the lane's slots. Several workers may start at once, so adding
	 * is idempotent; workers configured with different rates would fight, which is a
	 * deployment error.
	 */
	private void prepareSlots() {
		Optional<Integer> count = this.jdbc.sql("select count(*) from send_permit where slot >= :from and slot < :to")
			.param("from", this.firstSlot)
			.param("to", this.firstSlot + this.permits)
			.query(Integer.class)
			.optional();
		if (count.orElse(0) == this.permits) {
			return;
		}
		for (int slot = this.firstSlot; slot < this.firstSlot + this.permits; slot++) {
			this.jdbc.sql("insert into send_permit (slot, granted_at) values (:slot, :never) on conflict do nothing")
				.param("slot", slot)
				.param("never", NEVER.atOffset(ZoneOffset.UTC))
				.update();
		}
	}

	private record Slot(int number, Instant grantedAt) {
	}

}
