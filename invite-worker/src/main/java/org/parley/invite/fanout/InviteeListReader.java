package org.parley.invite.fanout;

import java.util.List;
import java.util.UUID;

import org.parley.domain.invitation.InvitationBatchRepository;
import org.parley.domain.invitation.Invitee;
import org.parley.domain.invitation.InviteeList;

import org.springframework.batch.infrastructure.item.support.AbstractItemCountingItemStreamItemReader;

/**
 * Reads a batch's list entry by entry. It counts what it read into the step's execution context,
 * so a restart skips the entries of committed chunks.
 */
class InviteeListReader extends AbstractItemCountingItemStreamItemReader<Invitee> {

	private final UUID batchId;

	private final InvitationBatchRepository batches;

	private List<Invitee> invitees;

	InviteeListReader(UUID batchId, InvitationBatchRepository batches) {
		this.batchId = batchId;
		this.batches = batches;
		setName("inviteeList");
	}

	@Override
	protected void doOpen() {
		String content = this.batches.content(this.batchId)
			.orElseThrow(() -> new IllegalStateException("Invitation batch " + this.batchId + " has no list"));
		this.invitees = InviteeList.parse(content).invitees();
	}

	@Override
	protected Invitee doRead() {
		int next = getCurrentItemCount() - 1;
		return (next < this.invitees.size()) ? this.invitees.get(next) : null;
	}

	@Override
	protected void jumpToItem(int itemIndex) {
		// doRead indexes by the current count, which the base class has already set
	}

	@Override
	protected void doClose() {
		this.invitees = null;
	}

}
