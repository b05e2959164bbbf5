package org.parley.web.account;

import java.time.Duration;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How organiser sign-in is throttled.
 *
 * @param maxFailures wrong passwords for one account within {@code failureWindow} that
 * lock it
 * @param failureWindow how long a wrong password counts
 * @param firstLockout how long the first lockout lasts; each further one lasts twice as
 * long
 * @param longestLockout the cap on a lockout
 * @param clientBurst password checks one client address may start at once; a check with
 * the right password gives its token back
 * @param clientAttemptsPerMinute how fast a client's tokens come back
 * @param concurrentPasswordChecks bcrypt checks that may run at once (0: one per
 * processor)
 * @param passwordCheckWait how long an attempt waits for a free check before it is
 * refused
 */
@ConfigurationProperties("parley.login")
@Validated
public record LoginSettings(@DefaultValue("5") @Min(1) int maxFailures,
		@DefaultValue("15m") @NotNull Duration failureWindow, @DefaultValue("1m") @NotNull Duration firstLockout,
		@DefaultValue("1h") @NotNull Duration longestLockout, @DefaultValue("30") @Min(1) int clientBurst,
		@DefaultValue("30") @Min(1) int clientAttemptsPerMinute,
		@DefaultValue("0") @Min(0) int concurrentPasswordChecks,
		@DefaultValue("500ms") @NotNull Duration passwordCheckWait) {

	int passwordChecks() {
		return (this.concurrentPasswordChecks > 0) ? this.concurrentPasswordChecks
				: Runtime.getRuntime().availableProcessors();
	}

}
