package org.parley.invite.mail;

import java.time.Duration;
import java.util.Properties;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.stereotype.Component;

/**
 * Whether the SMTP relay accepts a connection (and the login, when one is configured),
 * shown as the {@code smtp} health component. It opens a connection of its own with short
 * timeouts, apart from the pooled ones that send, and answers from its last check for a
 * while, so that health polling does not open a connection every second.
 */
@Component
class SmtpHealthIndicator implements HealthIndicator {

	private final JavaMailSenderImpl relay;

	private final SmtpHealthSettings settings;

	private final Session session;

	private Health last;

	private long checkedAt;

	SmtpHealthIndicator(JavaMailSenderImpl relay, SmtpHealthSettings settings) {
		this.relay = relay;
		this.settings = settings;
		Properties properties = new Properties();
		properties.putAll(relay.getJavaMailProperties());
		String timeout = String.valueOf(settings.timeout().toMillis());
		String prefix = "mail." + relay.getProtocol() + ".";
		properties.put(prefix + "connectiontimeout", timeout);
		properties.put(prefix + "timeout", timeout);
		properties.put(prefix + "writetimeout", timeout);
		this.session = Session.getInstance(properties);
	}

	@Override
	public synchronized Health health() {
		long now = System.nanoTime();
		if (this.last == null || now - this.checkedAt >= this.settings.cacheFor().toNanos()) {
			this.last = check();
			this.checkedAt = System.nanoTime();
		}
		return this.last;
	}

	private Health check() {
		String server = this.relay.getHost() + ":" + this.relay.getPort();
		try (Transport transport = this.session.getTransport(this.relay.getProtocol())) {
			transport.connect(this.relay.getHost(), this.relay.getPort(), blankToNull(this.relay.getUsername()),
					blankToNull(this.relay.getPassword()));
			return Health.up().withDetail("server", server).build();
		}
		catch (MessagingException ex) {
			return Health.down().withDetail("server", server).withDetail("error", ex.getMessage()).build();
		}
	}

	private static String blankToNull(String s) {
		return (s == null || s.isBlank()) ? null : s;
	}

}
