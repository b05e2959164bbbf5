package org.parley.invite.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;

/**
 * A message that keeps the Message-ID it was given instead of making a random one on
 * save: the id is the ledger's, so a mail sent again after an ambiguous crash carries the
 * same one and mail clients show it once.
 */
public final class FixedIdMessage extends MimeMessage {

	private final String id;

	public FixedIdMessage(Session session, String id) {
		super(session);
		this.id = id;
	}

	@Override
	protected void updateMessageID() throws MessagingException {
		setHeader("Message-ID", this.id);
	}

}
