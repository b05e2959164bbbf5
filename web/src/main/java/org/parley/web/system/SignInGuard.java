package org.parley.web.system;

import jakarta.servlet.Filter;

/**
 * What the feature that guards organisers' sign-in puts around the password checks: one
 * filter before the login form's check, one after HTTP Basic's. The security
 * configuration places them; the feature decides what they do (throttling, lockout).
 */
public interface SignInGuard {

	/** Runs before the login form's password check. */
	Filter beforeFormLogin();

	/** Runs after HTTP Basic's password check, to see its outcome. */
	Filter afterBasic();

}
