package org.parley.invite.mail;

import java.io.IOException;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.BlockingDeque;
import java.util.concurrent.LinkedBlockingDeque;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.URLName;
import jakarta.mail.internet.MimeMessage;
import org.eclipse.angus.mail.smtp.SMTPTransport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * Open SMTP connections, reused message after message: opening one costs more than
 * sending a message over it. A consumer borrows one for a send and gives it back; a
 * connection that failed or sat idle too long is checked (NOOP) or closed. Connection,
 * read and write timeouts are always set, because Angus waits for ever by default. A
 * connection lost after the message's final dot was written is reported as
 * {@link MessageMayHaveBeenAccepted}: sending it again may deliver it twice. The server
 * and its credentials come from Spring Boot's {@code spring.mail.*} settings. Each lane
 * of mail has a pool of its own ({@link MailConfiguration}), so that a campaign never
 * holds the connection a sign-in link or a notification needs.
 */
public class SmtpConnections implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(SmtpConnections.class);

	private static final Duration CHECK_WHEN_IDLE = Duration.ofSeconds(20);

	private static final String STREAM_PROVIDER = "jakarta.mail.util.StreamProvider";

	static {
		// Jakarta Mail 2.1 looks its StreamProvider up with a ServiceLoader for every
		// message, body
		// part and multipart it creates (jakartaee/mail-api#699 and #861, unfixed in
		// 2.1.x). In a
		// Spring Boot jar that scan was a fifth of the invite-worker's CPU during a
		// campaign; naming
		// the implementation turns it into a Class.forName of a loaded class.
		if (System.getProperty(STREAM_PROVIDER) == null) {
			System.setProperty(STREAM_PROVIDER, "org.eclipse.angus.mail.util.MailStreamProvider");
		}
	}

	private final Session session;

	private final JavaMailSenderImpl settings;

	private final String protocol;

	private final BlockingDeque<Connection> idle = new LinkedBlockingDeque<>();

	public SmtpConnections(JavaMailSenderImpl settings) {
		this.settings = settings;
		Properties properties = new Properties();
		properties.putAll(settings.getJavaMailProperties());
		// Under the protocol's own prefix: an smtps relay reads mail.smtps.*, not
		// mail.smtp.*.
		this.protocol = (settings.getProtocol() != null) ? settings.getProtocol() : "smtp";
		String prefix = "mail." + this.protocol + ".";
		properties.putIfAbsent(prefix + "connectiontimeout", "10000");
		properties.putIfAbsent(prefix + "timeout", "30000");
		properties.putIfAbsent(prefix + "writetimeout", "30000");
		this.session = Session.getInstance(properties);
	}

	public Session session() {
		return this.session;
	}

	/**
	 * Sends one message to one recipient.
	 * @throws MessagingException as Angus reports it; {@link SmtpFailure#of} reads it
	 * @throws MessageMayHaveBeenAccepted when the connection failed after the whole
	 * message was written: the server may have accepted it and only its answer got lost
	 */
	public void send(MimeMessage message, Address recipient) throws MessagingException {
		Connection connection = borrow();
		boolean reusable = false;
		connection.transport.messageWritten = false;
		try {
			connection.transport.sendMessage(message, new Address[] { recipient });
			reusable = true;
		}
		catch (MessagingException ex) {
			// A refused recipient leaves the session usable; a dropped connection does
			// not.
			reusable = connection.transport.isConnected();
			if (connection.transport.messageWritten && SmtpFailure.of(ex).code() == null) {
				throw new MessageMayHaveBeenAccepted(ex);
			}
			throw ex;
		}
		finally {
			if (reusable) {
				connection.lastUsed = System.nanoTime();
				this.idle.offerFirst(connection);
			}
			else {
				close(connection);
			}
		}
	}

	private Connection borrow() throws MessagingException {
		Connection connection;
		while ((connection = this.idle.pollFirst()) != null) {
			boolean fresh = System.nanoTime() - connection.lastUsed < CHECK_WHEN_IDLE.toNanos();
			if (fresh || connection.transport.isConnected()) {
				return connection;
			}
			close(connection);
		}
		MessageTrackingTransport transport = new MessageTrackingTransport(this.session, this.protocol);
		transport.connect(this.settings.getHost(), this.settings.getPort(), blankToNull(this.settings.getUsername()),
				blankToNull(this.settings.getPassword()));
		return new Connection(transport);
	}

	private static String blankToNull(String s) {
		return (s == null || s.isBlank()) ? null : s;
	}

	private static void close(Connection connection) {
		try {
			connection.transport.close();
		}
		catch (MessagingException ex) {
			log.debug("SMTP connection did not close cleanly: {}", ex.getMessage());
		}
	}

	@Override
	public void destroy() {
		Connection connection;
		while ((connection = this.idle.pollFirst()) != null) {
			close(connection);
		}
	}

	private static final class Connection {

		final MessageTrackingTransport transport;

		volatile long lastUsed = System.nanoTime();

		Connection(MessageTrackingTransport transport) {
			this.transport = transport;
		}

	}

	/**
	 * Angus's SMTP transport, noting when the whole message and its final dot were
	 * written: a connection lost after that may have lost only the server's answer, not
	 * the message.
	 */
	private static final class MessageTrackingTransport extends SMTPTransport {

		volatile boolean messageWritten;

		MessageTrackingTransport(Session session, String protocol) {
			super(session, new URLName(protocol, null, -1, null, null, null), protocol, "smtps".equals(protocol));
		}

		@Override
		protected void finishData() throws IOException, MessagingException {
			this.messageWritten = true;
			super.finishData();
		}

	}

}
