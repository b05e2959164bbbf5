package org.parley.domain.test;

import java.util.Properties;
import java.util.UUID;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;

/**
 * The baseline of the invitation benchmarks: a raw Jakarta Mail loop over one reused
 * connection, sending messages of the invitation's shape and size (plain text and HTML,
 * the list headers). It names Angus's StreamProvider as the invite-worker does: without
 * it Jakarta Mail 2.1 scans the class path for it at every body part, which would slow
 * the baseline, not measure it.
 */
public final class RawMailLoop {

	private static final String LINK = "http://127.0.0.1:8080/invitations/" + "x".repeat(108);

	private static final String UNSUBSCRIBE = "http://127.0.0.1:8080/unsubscribe/" + "u".repeat(32);

	private RawMailLoop() {
	}

	/**
	 * Sends {@code n} messages to distinct addresses over one connection to the server.
	 * @return {@link System#nanoTime()} just before the connection was opened
	 */
	public static long send(String host, int port, int n, String personalMessage) throws MessagingException {
		System.setProperty("jakarta.mail.util.StreamProvider", "org.eclipse.angus.mail.util.MailStreamProvider");
		Properties properties = new Properties();
		properties.put("mail.smtp.host", host);
		properties.put("mail.smtp.port", String.valueOf(port));
		properties.put("mail.smtp.connectiontimeout", "10000");
		properties.put("mail.smtp.timeout", "30000");
		properties.put("mail.smtp.writetimeout", "30000");
		Session session = Session.getInstance(properties);
		String tag = UUID.randomUUID().toString().substring(0, 8);
		long start = System.nanoTime();
		try (Transport transport = session.getTransport("smtp")) {
			transport.connect();
			for (int i = 0; i < n; i++) {
				InternetAddress to = new InternetAddress("raw" + i + "-" + tag + "@example.org");
				MimeMessage message = new MimeMessage(session);
				message.setFrom(new InternetAddress("invitations@parley.local"));
				message.setRecipient(MimeMessage.RecipientType.TO, to);
				message.setSubject("Invitation: Benchmark", "UTF-8");
				message.setHeader("List-Unsubscribe", "<" + UNSUBSCRIBE + ">");
				message.setHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
				message.setHeader("Auto-Submitted", "auto-generated");
				MimeBodyPart plain = new MimeBodyPart();
				plain.setText("Hello Invitee " + i
						+ ",\n\nYou are invited to take part in the consultation \"Benchmark\".\n\n" + personalMessage
						+ "\n\nOpen your personal link to read the draft and comment:\n" + LINK
						+ "\n\nThe link is for you only; please do not forward it.\n\n--\nTo stop receiving invitations: "
						+ UNSUBSCRIBE + "\n", "UTF-8", "plain");
				MimeBodyPart html = new MimeBodyPart();
				html.setText("<!DOCTYPE html><html><body style=\"font-family:sans-serif\"><p>Hello Invitee " + i
						+ ",</p><p>You are invited to take part in the consultation <strong>Benchmark</strong>.</p>"
						+ "<blockquote>" + personalMessage + "</blockquote><p><a href=\"" + LINK
						+ "\">Read the draft and comment</a></p><p><small>The link is for you only; please do not forward"
						+ " it.</small></p><hr><p><small><a href=\"" + UNSUBSCRIBE
						+ "\">Stop receiving invitations</a></small></p></body></html>", "UTF-8", "html");
				message.setContent(new MimeMultipart("alternative", plain, html));
				message.saveChanges();
				transport.sendMessage(message, new Address[] { to });
			}
		}
		return start;
	}

}
