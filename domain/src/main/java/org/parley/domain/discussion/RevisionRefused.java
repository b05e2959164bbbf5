package org.parley.domain.discussion;

/**
 * A revision call that the revision's state does not allow, with a stable code for the
 * API.
 */
public class RevisionRefused extends RuntimeException {

	private final String code;

	public RevisionRefused(String code, String detail) {
		super(detail);
		this.code = code;
	}

	public String code() {
		return this.code;
	}

}
