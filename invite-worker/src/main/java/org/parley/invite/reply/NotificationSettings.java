package org.parley.invite.reply;

import java.time.Duration;
import java.time.ZoneId;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param publicUrl where people reach the web: the base of the comment and unsubscribe
 * links
 * @param from the sender, {@code Name <address>}; its domain is also the Message-IDs'
 * @param consumers concurrent consumers of the reply queue per worker
 * @param digestHour the local hour from which the day's digest goes out
 * @param defaultTimeZone the digest's time zone for a participant who chose none, in a
 * discussion that has none
 * @param firstRetryAfter the wait after a first temporary refusal; it doubles, with
 * jitter, up to {@code maxRetryAfter}
 * @param maxAge a mail not accepted this long after it was queued fails for good
 * @param lease how long a worker may hold a mail while sending; after it, the sweep sends
 * it again
 * @param redriveAfter a fresh mail that its consumer did not send (a crash) is sent by
 * the sweep after this long
 * @param followQuietPeriod a follower's mail about new comments goes out once no new
 * comment came for this long: one mail per quiet period, never one per comment
 * @param followMaxWait however busy the discussion, a follower's mail goes out at most
 * this long after its first comment
 */
@ConfigurationProperties("parley.notification")
@Validated
record NotificationSettings(@NotBlank String publicUrl,
		@DefaultValue("Parley <notifications@parley.local>") String from, @DefaultValue("2") @Min(1) int consumers,
		@DefaultValue("18") @Min(0) @Max(23) int digestHour, @DefaultValue("UTC") ZoneId defaultTimeZone,
		@DefaultValue("30s") Duration firstRetryAfter, @DefaultValue("1h") Duration maxRetryAfter,
		@DefaultValue("3d") Duration maxAge, @DefaultValue("5m") Duration lease,
		@DefaultValue("1m") Duration redriveAfter, @DefaultValue("2m") Duration followQuietPeriod,
		@DefaultValue("15m") Duration followMaxWait) {

}
