package org.parley.standalone.production;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.UUID;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.standalone.production.SmtpSink.AcceptedMessage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The fault proxy against the real {@code smtp-sink}, driven by Angus Mail as the
 * invite-worker is.
 */
class SmtpFaultProxyTests {

	@TempDir
	Path directory;

	SmtpSink sink;

	SmtpFaultProxy proxy;

	Session session;

	@BeforeEach
	void start() throws Exception {
		assumeTrue(SmtpSink.installed(), () -> SmtpSink.EXECUTABLE + " is missing (Debian package postfix)");
		// smtp-sink drops root for nobody, who must reach the dump directory.
		java.nio.file.Files.setPosixFilePermissions(this.directory,
				java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
		try (java.net.ServerSocket free = new java.net.ServerSocket(0)) {
			this.sink = new SmtpSink(free.getLocalPort(), this.directory);
		}
		this.sink.start();
		this.proxy = new SmtpFaultProxy(this.sink::port);
		Properties properties = new Properties();
		properties.put("mail.smtp.host", "127.0.0.1");
		properties.put("mail.smtp.port", String.valueOf(this.proxy.port()));
		properties.put("mail.smtp.connectiontimeout", "5000");
		properties.put("mail.smtp.timeout", "5000");
		this.session = Session.getInstance(properties);
	}

	@AfterEach
	void stop() {
		if (this.proxy != null) {
			this.proxy.close();
		}
		if (this.sink != null) {
			this.sink.close();
		}
	}

	@Test
	void relaysMessagesUnchangedOverOneConnection() throws Exception {
		try (Transport transport = connected()) {
			send(transport, "<one@test>", "a@example.org");
			send(transport, "<two@test>", "b@example.org");
		}
		await().atMost(Duration.ofSeconds(5)).until(() -> this.sink.accepted() == 2);
		assertThat(this.sink.messages()).extracting(AcceptedMessage::messageId)
			.containsExactlyInAnyOrder("<one@test>", "<two@test>");
		assertThat(this.proxy.relayed()).isEqualTo(2);
	}

	@Test
	void refusesChosenRecipientsWith550AndKeepsTheSessionUsable() throws Exception {
		this.proxy.refuseRecipients(address -> address.startsWith("bounce"));
		try (Transport transport = connected()) {
			SendFailedException refused = catchThrowableOfType(SendFailedException.class,
					() -> send(transport, "<refused@test>", "Bounce-1@example.org"));
			assertThat(refused.getNextException()).isInstanceOfSatisfying(SMTPAddressFailedException.class,
					e -> assertThat(e.getReturnCode()).isEqualTo(550));
			send(transport, "<accepted@test>", "ok@example.org");
		}
		await().atMost(Duration.ofSeconds(5)).until(() -> this.sink.accepted() == 1);
		assertThat(this.sink.messages()).extracting(AcceptedMessage::messageId).containsExactly("<accepted@test>");
		assertThat(this.proxy.refusals()).containsExactly(java.util.Map.entry("bounce-1@example.org", 1));
	}

	@Test
	void answers421WhileUnavailableThenRelaysAgain() throws Exception {
		Transport open = connected();
		this.proxy.serviceUnavailable(true);
		assertThatExceptionOfType(MessagingException.class).isThrownBy(() -> send(open, "<x@test>", "a@example.org"))
			.withMessageContaining("421");
		assertThatExceptionOfType(MessagingException.class).isThrownBy(this::connected).withMessageContaining("421");
		this.proxy.serviceUnavailable(false);
		try (Transport transport = connected()) {
			send(transport, "<after@test>", "a@example.org");
		}
		await().atMost(Duration.ofSeconds(5)).until(() -> this.sink.accepted() == 1);
		assertThat(this.proxy.answered421()).isEqualTo(2);
	}

	@Test
	void cutBeforeTheDotLeavesTheServerWithoutACopy() throws Exception {
		this.proxy.cutBeforeDot(1);
		Transport transport = connected();
		assertThatExceptionOfType(MessagingException.class)
			.isThrownBy(() -> send(transport, "<cut@test>", "a@example.org"));
		assertThat(transport.isConnected()).isFalse();
		try (Transport again = connected()) {
			send(again, "<next@test>", "a@example.org");
		}
		await().atMost(Duration.ofSeconds(5)).until(() -> this.sink.accepted() == 1);
		assertThat(this.sink.messages()).extracting(AcceptedMessage::messageId).containsExactly("<next@test>");
		assertThat(this.proxy.cutBeforeDotCount()).isEqualTo(1);
		assertThat(this.proxy.cutMessageIds()).containsExactly("<cut@test>");
	}

	@Test
	void cutAfterTheDotLeavesACopyTheClientWasNotToldOf() throws Exception {
		this.proxy.cutAfterDot(1);
		Transport transport = connected();
		assertThatExceptionOfType(MessagingException.class)
			.isThrownBy(() -> send(transport, "<ambiguous@test>", "a@example.org"));
		try (Transport again = connected()) {
			send(again, "<ambiguous@test>", "a@example.org");
		}
		await().atMost(Duration.ofSeconds(5)).until(() -> this.sink.accepted() == 2);
		assertThat(this.sink.messages()).extracting(AcceptedMessage::messageId)
			.isEqualTo(List.of("<ambiguous@test>", "<ambiguous@test>"));
		assertThat(this.proxy.cutAfterDotCount()).isEqualTo(1);
		assertThat(this.proxy.relayed()).isEqualTo(1);
	}

	private Transport connected() throws MessagingException {
		Transport transport = this.session.getTransport("smtp");
		transport.connect();
		return transport;
	}

	private void send(Transport transport, String messageId, String to) throws MessagingException {
		MimeMessage message = new MimeMessage(this.session) {
			@Override
			protected void updateMessageID() throws MessagingException {
				setHeader("Message-ID", messageId);
			}
		};
		message.setFrom("sender@example.org");
		message.setRecipients(MimeMessage.RecipientType.TO, to);
		message.setSubject("Test " + UUID.randomUUID());
		message.setText("Hello\n.\nA line with a dot, escaped by the client.\n");
		message.saveChanges();
		transport.sendMessage(message, new Address[] { new InternetAddress(to) });
	}

}
