package org.parley.invite.reply;

import org.parley.invite.delivery.SmtpConnections;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * Reply notifications keep SMTP connections of their own, to the same relay: a campaign's
 * consumers hold the invitation pool's connections, and a notification should not wait
 * for one.
 */
@Configuration(proxyBeanMethods = false)
class NotificationMailConfiguration {

	static final String CONNECTIONS = "notificationSmtpConnections";

	@Bean(CONNECTIONS)
	SmtpConnections notificationSmtpConnections(JavaMailSenderImpl relay) {
		return new SmtpConnections(relay);
	}

}
