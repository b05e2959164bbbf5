package org.parley.invite.fanout;

import java.io.StringReader;
import java.util.UUID;

import org.parley.domain.invitation.InvitationBatchRepository;
import org.parley.domain.invitation.Invitee;
import org.parley.domain.invitation.InviteeList;

import org.springframework.batch.infrastructure.item.support.AbstractItemCountingItemStreamItemReader;

/**
 * Reads a batch's list entry by entry. It counts what it read into the step's execution context,
 * so a restart skips (reads past) the entries of committed chunks.
 */
class InviteeListReader extends AbstractItemCountingItemStreamItemReader<Invitee> {

	private final UUID batchId;

	private final InvitationBatchRepository batches;

	private InviteeList.Cursor cursor;

	InviteeListReader(UUID batchId, InvitationBatchRepository batches) {
		this.batchId = batchId;
		this.batches = batches;
		setName("inviteeList");
	}

	@Override
	protected void doOpen() {
		String content = this.batches.content(this.batchId)
			.orElseThrow(() -> new IllegalStateException("Invitation batch " + this.batchId + " has no list"));
		// Entry by entry: a million-line list never becomes a million objects at once.
		this.cursor = new InviteeList.Cursor(new StringReader(content));
	}

	@Override
	protected Invitee doRead() {
		return this.cursor.next();
	}

	@Override
	protected void doClose() {
		this.cursor = null;
	}

}
