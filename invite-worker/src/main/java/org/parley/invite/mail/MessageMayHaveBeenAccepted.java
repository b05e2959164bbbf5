package org.parley.invite.mail;

import jakarta.mail.MessagingException;

/**
 * The connection to the mail server failed after the whole message and its final dot were
 * written, before the server's answer arrived: the server may have taken the message.
 * Sending it again is right (at least once), and the ledger flags the row ambiguous.
 */
public class MessageMayHaveBeenAccepted extends MessagingException {

	MessageMayHaveBeenAccepted(MessagingException cause) {
		super("The connection failed after the message was written; the server may have accepted it", cause);
	}

}
