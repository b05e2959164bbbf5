package org.parley.invite.mail;

import java.time.Clock;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * The two lanes of mail ({@link MailPriority}): each its own SMTP connections to the same
 * relay and its own share of the sending rate. The campaign's beans are the primary ones.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(MailSettings.class)
class MailConfiguration {

	static final String INTERACTIVE = "interactive";

	@Bean
	@Primary
	SmtpConnections campaignConnections(JavaMailSenderImpl relay) {
		return new SmtpConnections(relay);
	}

	@Bean
	@Qualifier(INTERACTIVE)
	SmtpConnections interactiveConnections(JavaMailSenderImpl relay) {
		return new SmtpConnections(relay);
	}

	/** Slots after the interactive ones; the whole table when the rate has one slot. */
	@Bean
	@Primary
	SendPermits campaignPermits(JdbcClient jdbc, MailSettings settings, Clock clock) {
		int all = settings.slots();
		int interactive = settings.interactiveSlots();
		int first = (all < 2) ? 0 : interactive;
		return new SendPermits(jdbc, clock, settings.rateWindow(), first, all - first, all);
	}

	@Bean
	@Qualifier(INTERACTIVE)
	SendPermits interactivePermits(JdbcClient jdbc, MailSettings settings, Clock clock) {
		return new SendPermits(jdbc, clock, settings.rateWindow(), 0, settings.interactiveSlots(), settings.slots());
	}

}
