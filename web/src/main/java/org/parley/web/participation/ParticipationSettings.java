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
 */
@ConfigurationProperties("parley.participation")
@Validated
public record ParticipationSettings(@DefaultValue("2000") @Min(1) int commentMaxLength,
		@DefaultValue("10") @Min(1) int postsPerMinute, @DefaultValue("30m") Duration signInLinkTtl,
		@DefaultValue("5") @Min(1) int signInLinksPerHour) {

}
