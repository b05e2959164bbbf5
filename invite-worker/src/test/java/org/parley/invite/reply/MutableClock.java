package org.parley.invite.reply;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** The system clock, moved by a test: it keeps ticking from wherever the test put it. */
final class MutableClock extends Clock {

	private volatile Duration offset = Duration.ZERO;

	void set(Instant now) {
		this.offset = Duration.between(Instant.now(), now);
	}

	void reset() {
		this.offset = Duration.ZERO;
	}

	@Override
	public ZoneId getZone() {
		return ZoneOffset.UTC;
	}

	@Override
	public Clock withZone(ZoneId zone) {
		return Clock.offset(Clock.system(zone), this.offset);
	}

	@Override
	public Instant instant() {
		return Instant.now().plus(this.offset);
	}

}
