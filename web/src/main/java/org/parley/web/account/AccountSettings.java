package org.parley.web.account;

import java.time.Duration;

import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param setupLinkValidFor how long a new organiser's set-up link works
 */
@ConfigurationProperties("parley.account")
@Validated
public record AccountSettings(@DefaultValue("48h") @NotNull Duration setupLinkValidFor) {

}
