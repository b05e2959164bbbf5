package org.parley.invite.mail;

import jakarta.mail.MessagingException;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.smtp.SMTPSenderFailedException;

/**
 * What went wrong while sending, read from Angus's exception chain.
 *
 * @param code the SMTP reply code, or null when the connection failed or dropped
 * @param text the server's reply, or what happened to the connection
 * @param recipientRefused the server refused the recipient's address itself (RCPT TO)
 * @param mayHaveBeenAccepted the connection failed after the whole message was written,
 * so the server may have accepted it ({@link MessageMayHaveBeenAccepted})
 */
public record SmtpFailure(Integer code, String text, boolean recipientRefused, boolean mayHaveBeenAccepted) {

	public SmtpFailure(Integer code, String text, boolean recipientRefused) {
		this(code, text, recipientRefused, false);
	}

	public static SmtpFailure of(MessagingException failure) {
		if (failure instanceof MessageMayHaveBeenAccepted cut
				&& cut.getNextException() instanceof MessagingException lost) {
			SmtpFailure connection = of(lost);
			return new SmtpFailure(connection.code(), connection.text(), false, true);
		}
		for (Exception e = failure; e != null; e = next(e)) {
			if (e instanceof SMTPAddressFailedException refused) {
				return new SmtpFailure(refused.getReturnCode(), reply(refused), true);
			}
			if (e instanceof SMTPSenderFailedException refused) {
				return new SmtpFailure(refused.getReturnCode(), reply(refused), false);
			}
			if (e instanceof SMTPSendFailedException refused && refused.getReturnCode() > 0) {
				return new SmtpFailure(refused.getReturnCode(), reply(refused), false);
			}
		}
		return new SmtpFailure(null, "Connection to the mail server failed: " + failure.getMessage(), false);
	}

	/** A 5xx answer: sending the same message again gets the same answer. */
	public boolean isPermanent() {
		return this.code != null && this.code >= 500 && this.code < 600;
	}

	private static Exception next(Exception e) {
		if (e instanceof MessagingException m && m.getNextException() != null) {
			return m.getNextException();
		}
		return (e.getCause() instanceof Exception cause) ? cause : null;
	}

	private static String reply(MessagingException e) {
		String message = (e.getMessage() != null) ? e.getMessage().strip() : "";
		return message.isEmpty() ? "No reply text" : message;
	}

}
