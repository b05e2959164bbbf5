package org.parley.domain.invitation;

/**
 * An invitation list that cannot be read as written: an unknown text encoding, or a line
 * that is not CSV as Parley reads it. The code is stable for clients; the detail names
 * the line, so the organiser can fix the file.
 */
public class InviteeListRejected extends RuntimeException {

	private final String code;

	private final String title;

	private final String detail;

	public InviteeListRejected(String code, String title, String detail) {
		super(code + ": " + detail);
		this.code = code;
		this.title = title;
		this.detail = detail;
	}

	public String code() {
		return this.code;
	}

	public String title() {
		return this.title;
	}

	public String detail() {
		return this.detail;
	}

}
