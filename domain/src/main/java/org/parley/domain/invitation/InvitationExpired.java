package org.parley.domain.invitation;

/** A genuine invitation link whose time is up. */
public class InvitationExpired extends RuntimeException {

	private final transient InvitationLink.Claims claims;

	public InvitationExpired(InvitationLink.Claims claims) {
		super("The invitation link expired at " + claims.expiresAt());
		this.claims = claims;
	}

	public InvitationLink.Claims claims() {
		return this.claims;
	}

}
