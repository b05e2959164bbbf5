package org.parley.invite.signin;

import java.util.Locale;

import jakarta.validation.constraints.NotBlank;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param publicUrl where people reach the web: the base of the link
 * @param from the sender, {@code Name <address>}; its domain is also the Message-ID's
 * @param locale the language of the mail
 */
@ConfigurationProperties("parley.sign-in")
@Validated
record SignInMailSettings(@NotBlank String publicUrl, @DefaultValue("Parley <invitations@parley.local>") String from,
		@DefaultValue("en") Locale locale) {

}
