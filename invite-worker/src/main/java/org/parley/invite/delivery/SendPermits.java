package org.parley.invite.delivery;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The global sending rate, shared by every worker through the database. The table holds
 * the times of the last N grants (N = rate × window); a grant replaces the oldest of
 * them, and only if that one is at least a window old. So no window of that length ever
 * holds more than N grants, however many workers and threads ask. Two workers racing for
 * the same slot are told apart by a conditional update. Assumes the workers' clocks agree
 * to well within the window.
 */
@Component
public class SendPermits {

	private static final Instant NEVER = Instant.EPOCH;

	private final JdbcClient jdbc;

	private final Clock clock;

	private final int permits;

	private final Duration window;

	SendPermits(JdbcClient jdbc, DeliverySettings settings, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.permits = (int) Math.min(Integer.MAX_VALUE,
				(long) settings.ratePerSecond() * Math.max(1, settings.rateWindow().toMillis()) / 1000);
		this.window = settings.rateWindow();
		if (this.permits > 0) {
			prepareSlots();
		}
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
		return this.jdbc.sql("select slot, granted_at from send_permit order by granted_at, slot limit 1")
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
	 * Makes the table hold exactly N slots. Several workers may start at once, so adding
	 * is idempotent; workers configured with different rates would fight, which is a
	 * deployment error.
	 */
	private void prepareSlots() {
		this.jdbc.sql("delete from send_permit where slot >= :n").param("n", this.permits).update();
		Optional<Integer> count = this.jdbc.sql("select count(*) from send_permit").query(Integer.class).optional();
		if (count.orElse(0) == this.permits) {
			return;
		}
		for (int slot = 0; slot < this.permits; slot++) {
			this.jdbc.sql("insert into send_permit (slot, granted_at) values (:slot, :never) on conflict do nothing")
				.param("slot", slot)
				.param("never", NEVER.atOffset(ZoneOffset.UTC))
				.update();
		}
	}

	private record Slot(int number, Instant grantedAt) {
	}

}
