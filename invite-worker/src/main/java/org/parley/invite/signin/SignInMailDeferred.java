package org.parley.invite.signin;

/**
 * The mail server refused a sign-in mail for now (4xx, or no connection); the listener
 * tries again.
 */
class SignInMailDeferred extends RuntimeException {

	SignInMailDeferred(String reason) {
		super(reason);
	}

}
