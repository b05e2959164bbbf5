package org.parley.invite;

import java.io.IOException;

import jakarta.mail.MessagingException;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMultipart;

/**
 * The text of a received mail as a reader sees it: every part, transfer-decoded, with its
 * content type.
 */
public final class MailBodies {

	private MailBodies() {
	}

	public static String decoded(Part message) {
		try {
			Object content = message.getContent();
			if (!(content instanceof MimeMultipart parts)) {
				return message.getContentType() + "\n" + content;
			}
			StringBuilder all = new StringBuilder();
			for (int i = 0; i < parts.getCount(); i++) {
				all.append(decoded(parts.getBodyPart(i))).append('\n');
			}
			return all.toString();
		}
		catch (MessagingException | IOException ex) {
			throw new IllegalStateException("Cannot read the mail's parts", ex);
		}
	}

}
