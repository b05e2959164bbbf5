package org.parley.invite.delivery;

import java.time.Duration;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param publicUrl where people reach the web, for the links in the email
 * @param linkSecret the HMAC key of the personal links; the web checks them with the same
 * one
 * @param linkValidity how long a personal link works
 * @param from the sender of invitations, {@code Name <address>}
 */
@ConfigurationProperties("parley.invitation")
@Validated
record InvitationSettings(@NotBlank String publicUrl, @NotBlank @Size(min = 32) String linkSecret,
		@DefaultValue("30d") Duration linkValidity, @DefaultValue("Parley <invitations@parley.local>") String from) {

}
