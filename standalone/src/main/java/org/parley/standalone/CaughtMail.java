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
import jakarta.mail.Header;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.parley.web.system.DevMailbox;

/** The embedded SMTP catcher's messages, for the web's dev mailbox. */
final class CaughtMail implements DevMailbox {

	private final GreenMail mail;

	CaughtMail(GreenMail mail) {
		this.mail = mail;
	}

	/** The decoded text of the first part of this type, however deep in the multipart tree. */
	private static String part(jakarta.mail.Part part, String type) throws MessagingException, IOException {
		if (part.isMimeType(type) && !jakarta.mail.Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
			return String.valueOf(part.getContent());
		}
		if (part.isMimeType("multipart/*")) {
			jakarta.mail.Multipart multipart = (jakarta.mail.Multipart) part.getContent();
			for (int i = 0; i < multipart.getCount(); i++) {
				String found = part(multipart.getBodyPart(i), type);
				if (found != null) {
					return found;
				}
			}
		}
		return null;
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
				String to = String.join(", ", java.util.Arrays.stream(message.getAllRecipients()).map(Object::toString).toList());
				OffsetDateTime received = (message.getReceivedDate() != null)
						? message.getReceivedDate().toInstant().atOffset(ZoneOffset.UTC) : null;
				result.add(new Mail(to, message.getSubject(), part(message, "text/plain"), part(message, "text/html"),
						headers, received));
			}
			catch (MessagingException | IOException ex) {
				throw new IllegalStateException("A caught message could not be read", ex);
			}
		}
		return result;
	}

}
