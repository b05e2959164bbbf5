package org.parley.domain.invitation;

/** Where a batch stands as a whole, as the API shows it. */
public enum InvitationBatchState {

	QUEUED, RUNNING, SUCCEEDED, FAILED;

	public boolean isFinal() {
		return this == SUCCEEDED || this == FAILED;
	}

}
