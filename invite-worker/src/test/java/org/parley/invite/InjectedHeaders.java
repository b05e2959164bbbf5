package org.parley.invite;

import java.util.Collections;
import java.util.List;
import java.util.Properties;

import com.icegreen.greenmail.store.FolderException;
import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.Header;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sends what a mailer composed to GreenMail over SMTP and checks, on the message as
 * received, that text with line breaks made no header of its own.
 */
public final class InjectedHeaders implements AutoCloseable {

	/**
	 * Values an attacker puts in names and titles, each trying to add a Bcc and a header.
	 */
	public static final List<String> PAYLOADS = List.of("Consultation\r\nBcc: victim@evil.test\r\nX-Injected: yes",
			"Consultation\nBcc: victim@evil.test\nX-Injected: yes",
			"Consultation\rBcc: victim@evil.test\rX-Injected: yes", "Zoë\r\nBcc: victim@evil.test\r\nX-Injected: yes",
			"Line\u2028Bcc: victim@evil.test\u0085X-Injected: yes");

	private final GreenMail mail = MailCatcher.start();

	private final Session session;

	public InjectedHeaders() {
		Properties properties = new Properties();
		properties.put("mail.smtp.host", "127.0.0.1");
		properties.put("mail.smtp.port", Integer.toString(this.mail.getSmtp().getPort()));
		this.session = Session.getInstance(properties);
	}

	public Session session() {
		return this.session;
	}

	/**
	 * Sends the message as the workers do, to its own recipients, and checks what
	 * arrived.
	 */
	public MimeMessage sendAndReceive(MimeMessage composed, String recipient)
			throws MessagingException, FolderException {
		this.mail.purgeEmailFromAllMailboxes();
		Transport.send(composed);
		MimeMessage[] received = this.mail.getReceivedMessages();
		assertThat(received).as("messages accepted by the SMTP server").hasSize(1);
		MimeMessage message = received[0];
		// GreenMail makes a mailbox for every address it accepts mail for (RCPT TO).
		assertThat(this.mail.getUserManager().listUser()).extracting(user -> user.getEmail())
			.as("mailboxes that received mail")
			.doesNotContain("victim@evil.test")
			.contains(recipient);
		assertThat(message.getHeader("Bcc")).isNull();
		assertThat(message.getHeader("X-Injected")).isNull();
		assertThat(message.getAllRecipients()).hasSize(1);
		assertThat(((jakarta.mail.internet.InternetAddress) message.getAllRecipients()[0]).getAddress())
			.isEqualTo(recipient);
		for (Header header : Collections.list(message.getAllHeaders())) {
			assertThat(header.getName()).as("header name").doesNotContain(" ").isNotEqualTo("Bcc");
		}
		String subject = message.getSubject();
		assertThat(subject).as("subject").doesNotContain("\r").doesNotContain("\n");
		return message;
	}

	@Override
	public void close() {
		this.mail.stop();
	}

}
