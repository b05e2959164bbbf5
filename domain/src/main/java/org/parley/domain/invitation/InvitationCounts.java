package org.parley.domain.invitation;

import java.util.Map;

/**
 * The counts of a batch, read from the ledger in one query. {@code queued} is what is
 * neither cleaned out nor finished, entries not yet fanned out included, so the counts
 * always add up to the total.
 */
public record InvitationCounts(int total, int invalid, int duplicates, int suppressed, int queued, int sent,
		int failed) {

	static InvitationCounts of(int entries, Map<DeliveryStatus, Integer> byStatus) {
		int invalid = byStatus.getOrDefault(DeliveryStatus.INVALID, 0);
		int duplicates = byStatus.getOrDefault(DeliveryStatus.DUPLICATE, 0);
		int suppressed = byStatus.getOrDefault(DeliveryStatus.SUPPRESSED, 0);
		int sent = byStatus.getOrDefault(DeliveryStatus.SENT, 0);
		int failed = byStatus.getOrDefault(DeliveryStatus.FAILED, 0);
		int queued = Math.max(0, entries - invalid - duplicates - suppressed - sent - failed);
		return new InvitationCounts(entries, invalid, duplicates, suppressed, queued, sent, failed);
	}

	/** Share of the entries that reached a final status. */
	public int percent() {
		if (this.total == 0) {
			return 100;
		}
		return (int) ((this.total - this.queued) * 100L / this.total);
	}

	/** The batch's state: it succeeds once fanned out and nothing is left queued. */
	public InvitationBatchState state(FanOutState fanOut) {
		return switch (fanOut) {
			case PENDING -> InvitationBatchState.QUEUED;
			case FAILED -> InvitationBatchState.FAILED;
			case RUNNING -> InvitationBatchState.RUNNING;
			case DONE -> (this.queued == 0) ? InvitationBatchState.SUCCEEDED : InvitationBatchState.RUNNING;
		};
	}

}
