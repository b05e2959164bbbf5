package org.parley.invite.mail;

import java.util.Properties;

import org.junit.jupiter.api.Test;

import org.springframework.mail.javamail.JavaMailSenderImpl;

import static org.assertj.core.api.Assertions.assertThat;

/** Angus waits for ever without timeouts, so every protocol's connections get them. */
class SmtpConnectionsTests {

	@Test
	void timeoutsAreSetUnderTheRelaysProtocol() {
		for (String protocol : new String[] { "smtp", "smtps" }) {
			JavaMailSenderImpl relay = new JavaMailSenderImpl();
			relay.setProtocol(protocol);
			SmtpConnections connections = new SmtpConnections(relay);
			Properties session = connections.session().getProperties();
			assertThat(session.getProperty("mail." + protocol + ".connectiontimeout")).as(protocol).isEqualTo("10000");
			assertThat(session.getProperty("mail." + protocol + ".timeout")).as(protocol).isEqualTo("30000");
			assertThat(session.getProperty("mail." + protocol + ".writetimeout")).as(protocol).isEqualTo("30000");
			connections.destroy();
		}
	}

	@Test
	void timeoutsTheOperatorSetAreKept() {
		JavaMailSenderImpl relay = new JavaMailSenderImpl();
		Properties own = new Properties();
		own.setProperty("mail.smtp.timeout", "5000");
		relay.setJavaMailProperties(own);
		SmtpConnections connections = new SmtpConnections(relay);
		assertThat(connections.session().getProperty("mail.smtp.timeout")).isEqualTo("5000");
		assertThat(connections.session().getProperty("mail.smtp.connectiontimeout")).isEqualTo("10000");
		connections.destroy();
	}

}
