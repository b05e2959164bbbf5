package org.parley.web.system;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/**
 * The mail that standalone mode's embedded SMTP catcher received. Only standalone mode
 * provides one; in production there is none and the mailbox pages answer 404.
 */
public interface DevMailbox {

	List<Mail> messages();

	/** One caught message, as {@code GET /api/dev/mailbox} lists it. */
	record Mail(String to, String subject, String text, String html, Map<String, String> headers,
			OffsetDateTime receivedAt) {
	}

}
