package org.parley.domain.drive;

/**
 * A sealed token did not open: the key is not the one it was sealed with, or the
 * ciphertext was altered or belongs to another organiser.
 */
public class TokenUnreadable extends RuntimeException {

	public TokenUnreadable(Throwable cause) {
		super("The sealed token does not open with this key", cause);
	}

}
