package org.parley.invite.fanout;

import java.io.StringReader;
import java.util.Iterator;
import java.util.UUID;

import org.parley.domain.invitation.InvitationBatchRepository;
import org.parley.domain.invitation.Invitee;
import org.parley.domain.invitation.InviteeList;

import org.springframework.batch.infrastructure.item.support.AbstractItemCountingItemStreamItemReader;

/**
 * Reads a batch's list entry by entry, never holding the entries (a million-line list
 * costs its text alone). It counts what it read into the step's execution context, so a
 * restart skips the entries of committed chunks by reading past them.
 */
class InviteeListReader extends AbstractItemCountingItemStreamItemReader<Invitee> {

	private final UUID batchId;

	private final InvitationBatchRepository batches;

	private Iterator<Invitee> invitees;

	InviteeListReader(UUID batchId, InvitationBatchRepository batches) {
		this.batchId = batchId;
		this.batches = batches;
		setName("inviteeList");
	}

	@Override
	protected void doOpen() {
		String content = this.batches.content(this.batchId)
			.orElseThrow(() -> new IllegalStateException("Invitation batch " + this.batchId + " has no list"));
		this.invitees = InviteeList.entries(new StringReader(content));
	}

	@Override
	protected Invitee doRead() {
		return this.invitees.hasNext() ? this.invitees.next() : null;
	}

	@Override
	protected void doClose() {
		this.invitees = null;
	}

}
