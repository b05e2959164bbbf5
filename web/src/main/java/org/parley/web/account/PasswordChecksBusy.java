package org.parley.web.account;

/** Every password check slot stayed taken for as long as an attempt may wait. */
class PasswordChecksBusy extends RuntimeException {

	PasswordChecksBusy() {
		super("Every password check slot is taken");
	}

}
