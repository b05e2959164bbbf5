package org.parley.web.invitation;

import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param linkSecret the HMAC key the invite-worker signs personal links with; without it,
 * personal links are refused
 * @param maxEntries the longest list one batch takes
 */
@ConfigurationProperties("parley.invitation")
@Validated
record InvitationSettings(@DefaultValue("") String linkSecret, @DefaultValue("1000000") @Min(1) int maxEntries) {

}
