package org.parley.standalone;

import java.io.IOException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import jakarta.mail.Header;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import org.parley.web.system.DevMailbox;

/** The embedded SMTP catcher's messages, for the web's dev mailbox. */
final class CaughtMail implements DevMailbox {

	private final GreenMail mail;

	CaughtMail(GreenMail mail) {
		this.mail = mail;
	}

	@Override
	public List<Mail> messages() {
		List<Mail> result = new ArrayList<>();
		for (MimeMessage message : this.mail.getReceivedMessages()) {
			try {
				Map<String, String> headers = new LinkedHashMap<>();
				Enumeration<Header> all = message.getAllHeaders();
				while (all.hasMoreElements()) {
					Header h = all.nextElement();
					headers.merge(h.getName(), h.getValue(), (a, b) -> a + ", " + b);
				}
				String to = String.join(", ",
						java.util.Arrays.stream(message.getAllRecipients()).map(Object::toString).toList());
				OffsetDateTime received = (message.getReceivedDate() != null)
						? message.getReceivedDate().toInstant().atOffset(ZoneOffset.UTC) : null;
				Parts parts = new Parts();
				parts.collect(message);
				String text = (parts.text != null || parts.html != null) ? parts.text : GreenMailUtil.getBody(message);
				result.add(new Mail(to, message.getSubject(), text, parts.html, headers, received));
			}
			catch (MessagingException | IOException ex) {
				throw new IllegalStateException("A caught message could not be read", ex);
			}
		}
		return result;
	}

	/**
	 * The first text/plain and text/html parts of a message, decoded, however deeply
	 * nested.
	 */
	private static final class Parts {

		String text;

		String html;

		void collect(Part part) throws MessagingException, IOException {
			if (part.isMimeType("text/plain") && this.text == null
					&& !Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
				this.text = (String) part.getContent();
			}
			else if (part.isMimeType("text/html") && this.html == null) {
				this.html = (String) part.getContent();
			}
			else if (part.isMimeType("multipart/*") && part.getContent() instanceof Multipart multipart) {
				for (int i = 0; i < multipart.getCount(); i++) {
					collect(multipart.getBodyPart(i));
				}
			}
		}

	}

}
