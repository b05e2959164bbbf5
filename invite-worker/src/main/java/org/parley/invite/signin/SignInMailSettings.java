package org.parley.invite.signin;

import java.time.Duration;

import jakarta.validation.constraints.NotBlank;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param publicUrl where people reach the web: the base of the link
 * @param from the sender, {@code Name <address>}; its domain is also the Message-ID's
 * @param firstRetryAfter the wait after a first temporary refusal; it doubles, with
 * jitter, up to {@code maxRetryAfter}, for as long as the link works
 */
@ConfigurationProperties("parley.sign-in")
@Validated
record SignInMailSettings(@NotBlank String publicUrl, @DefaultValue("Parley <invitations@parley.local>") String from,
		@DefaultValue("2s") Duration firstRetryAfter, @DefaultValue("1m") Duration maxRetryAfter) {

}
