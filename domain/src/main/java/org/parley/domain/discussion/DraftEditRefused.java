package org.parley.domain.discussion;

/**
 * An edit of a draft outline that cannot be made as asked, for a reason the organiser can
 * read.
 */
public class DraftEditRefused extends RuntimeException {

	public DraftEditRefused(String reason) {
		super(reason);
	}

}
