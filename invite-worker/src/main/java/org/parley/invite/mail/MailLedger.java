package org.parley.invite.mail;

/**
 * Where a kind of mail records what became of a send the relay refused: the one thing,
 * besides what the mail says, that differs between invitations, sign-in links and
 * notifications. A sent mail is recorded by the sender itself, since invitations record
 * it together with the claim of the next row.
 */
public interface MailLedger {

	/** Queue the mail again for {@link Refusal.Retry#at()}. */
	void retry(Refusal.Retry retry);

	/** The mail will not be sent. */
	void failed(Refusal.Failed failed);

}
