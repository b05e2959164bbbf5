package org.parley.invite.mail;

/**
 * Which lane a kind of mail is sent in. Each lane has SMTP connections and a reserved
 * share of the sending rate of its own, so that a campaign draining at the limit never
 * holds up a mail that someone is waiting for.
 */
public enum MailPriority {

	/** Mail a person waits for: sign-in links, reply and follower notifications. */
	INTERACTIVE,

	/** Mail sent by the thousand: invitations. */
	CAMPAIGN

}
