package org.parley.domain.invitation;

/** An invitation link that Parley did not sign, or that was altered. */
public class InvitationLinkInvalid extends RuntimeException {

	public InvitationLinkInvalid() {
		super("The invitation link is not valid");
	}

}
