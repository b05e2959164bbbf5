package org.parley.web.account;

import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Lets at most {@link LoginSettings#passwordChecks()} bcrypt checks run at once. Each
 * costs tens of milliseconds of a processor; without a bound, a few hundred parallel
 * guesses from as many addresses took every processor and the web stopped answering,
 * health checks included. A check that finds no free slot in
 * {@link LoginSettings#passwordCheckWait()} is refused with {@link PasswordChecksBusy},
 * which the sign-in answers as 429.
 */
class BoundedPasswordEncoder implements PasswordEncoder {

	private final PasswordEncoder delegate;

	private final Semaphore checks;

	private final long waitNanos;

	private final Counter busy;

	private final Counter checked;

	BoundedPasswordEncoder(PasswordEncoder delegate, LoginSettings settings, MeterRegistry meters) {
		this.delegate = delegate;
		this.checks = new Semaphore(settings.passwordChecks());
		this.waitNanos = settings.passwordCheckWait().toNanos();
		this.busy = Counter.builder("parley.login.refused")
			.tag("reason", "checks-busy")
			.description("Sign-in attempts refused without a password check")
			.register(meters);
		this.checked = Counter.builder("parley.login.password-checks")
			.description("Password hashes compared (bcrypt runs)")
			.register(meters);
	}

	@Override
	public String encode(CharSequence rawPassword) {
		return this.delegate.encode(rawPassword);
	}

	@Override
	public boolean matches(CharSequence rawPassword, String encodedPassword) {
		boolean acquired;
		try {
			acquired = this.checks.tryAcquire(this.waitNanos, TimeUnit.NANOSECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new PasswordChecksBusy();
		}
		if (!acquired) {
			this.busy.increment();
			throw new PasswordChecksBusy();
		}
		try {
			this.checked.increment();
			return this.delegate.matches(rawPassword, encodedPassword);
		}
		finally {
			this.checks.release();
		}
	}

	@Override
	public boolean upgradeEncoding(String encodedPassword) {
		return this.delegate.upgradeEncoding(encodedPassword);
	}

}
