package org.parley.invite.mail;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param timeout how long a check waits for the relay to connect and answer
 * @param cacheFor how long a check's answer is reused
 */
@ConfigurationProperties("parley.smtp.health")
record SmtpHealthSettings(@DefaultValue("3s") Duration timeout, @DefaultValue("15s") Duration cacheFor) {

}
