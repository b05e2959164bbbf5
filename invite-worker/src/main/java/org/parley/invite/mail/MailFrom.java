package org.parley.invite.mail;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;

/**
 * The sender of one kind of mail, and the domain its Message-IDs are made in, read once
 * from the configured {@code From}.
 */
public record MailFrom(InternetAddress address, String domain) {

	public static MailFrom parse(String from) throws AddressException {
		InternetAddress address = new InternetAddress(from, true);
		String mailbox = address.getAddress();
		return new MailFrom(address, mailbox.substring(mailbox.indexOf('@') + 1));
	}

	/** A Message-ID in the sender's domain: {@code <local@domain>}. */
	public String messageId(String local) {
		return "<" + local + "@" + this.domain + ">";
	}

}
