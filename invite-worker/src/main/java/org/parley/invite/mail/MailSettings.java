package org.parley.invite.mail;

import java.time.Duration;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param ratePerSecond the global sending rate over all workers and all kinds of mail; 0
 * for none. The limit holds exactly over any {@code rateWindow}: at most
 * {@code ratePerSecond × rateWindow} messages.
 * @param rateWindow the window the rate is counted over
 * @param interactiveShare the share of the rate reserved for interactive mail (sign-in
 * links, notifications); a campaign drains at the rest. At least one message per window.
 */
@ConfigurationProperties("parley.mail")
@Validated
public record MailSettings(@DefaultValue("0") @Min(0) int ratePerSecond, @DefaultValue("10s") Duration rateWindow,
		@DefaultValue("0.2") @DecimalMin("0.0") @DecimalMax("1.0") double interactiveShare) {

	/** Slots of the whole rate per window. */
	int slots() {
		return SendPermits.slots(this.ratePerSecond, this.rateWindow);
	}

	/** Slots reserved for interactive mail, the first ones of the table. */
	int interactiveSlots() {
		int all = slots();
		if (all < 2) {
			return all;
		}
		return (int) Math.min(all - 1, Math.max(1, Math.round(all * this.interactiveShare)));
	}

}
