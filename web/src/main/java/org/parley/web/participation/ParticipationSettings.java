package org.parley.web.participation;

import java.time.Duration;

import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param commentMaxLength longer comments are refused with COMMENT_TOO_LONG
 * @param postsPerMinute comments and replies one participant may post per minute
 * @param signInLinkTtl how long a magic link works
 * @param signInLinksPerHour magic links one address may be sent per hour
 * @param signInLinksPerClientPerHour magic links one client (IP address) may ask for per
 * hour, whatever the addresses
 * @param signInLinksPerHourInTotal magic links this web instance asks for per hour in
 * all: a ceiling on the mail that anonymous callers can make Parley send
 * @param signInLinkUses how often one magic link signs in within its lifetime, so that a
 * mail scanner opening it first does not use it up
 */
@ConfigurationProperties("parley.participation")
@Validated
public record ParticipationSettings(@DefaultValue("2000") @Min(1) int commentMaxLength,
		@DefaultValue("10") @Min(1) int postsPerMinute, @DefaultValue("30m") Duration signInLinkTtl,
		@DefaultValue("5") @Min(1) int signInLinksPerHour, @DefaultValue("30") @Min(1) int signInLinksPerClientPerHour,
		@DefaultValue("2000") @Min(1) int signInLinksPerHourInTotal, @DefaultValue("3") @Min(1) int signInLinkUses) {

}
