package org.parley.domain.test;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.parley.domain.invitation.Delivery;
import org.parley.domain.invitation.DeliveryRepository;
import org.parley.domain.invitation.DeliveryStatus;
import org.parley.domain.invitation.FanOutState;
import org.parley.domain.invitation.InvitationBatch;
import org.parley.domain.invitation.InvitationBatchRepository;

/**
 * Invitation batches with their ledgers as the invite-worker leaves them after the
 * fan-out, written through the repositories, for tests that need invitations without
 * running a worker.
 */
public final class InvitationLedgers {

	private final InvitationBatchRepository batches;

	private final DeliveryRepository deliveries;

	public InvitationLedgers(InvitationBatchRepository batches, DeliveryRepository deliveries) {
		this.batches = batches;
		this.deliveries = deliveries;
	}

	/**
	 * A fanned-out batch of the organiser's for the discussion with one ledger row per
	 * status, on lines 1, 2, … and to fresh addresses.
	 */
	public InvitationBatch batch(UUID discussion, UUID organiser, int entries, DeliveryStatus... statuses) {
		List<String> emails = new ArrayList<>();
		for (int line = 1; line <= statuses.length; line++) {
			emails.add("p" + line + "-" + UUID.randomUUID() + "@example.org");
		}
		return batch(discussion, organiser, entries, emails, List.of(statuses));
	}

	/**
	 * A sent invitation to the address, in a one-line batch of the organiser's for the
	 * discussion.
	 * @return the delivery's id, which the invitation link carries
	 */
	public UUID sentInvitation(UUID discussion, UUID organiser, String email) {
		InvitationBatch batch = batch(discussion, organiser, 1, List.of(email), List.of(DeliveryStatus.SENT));
		return this.deliveries.findByBatchAfterLine(batch.id(), 0, 1).get(0).id();
	}

	/**
	 * A fanned-out batch of the organiser's for the discussion with this many sent
	 * invitations on lines 1, 2, …, inserted by the repository's multi-row statements so
	 * that the million lines of an export test take seconds, not minutes.
	 */
	public InvitationBatch largeBatch(UUID discussion, UUID organiser, int rows) {
		OffsetDateTime now = OffsetDateTime.now();
		InvitationBatch batch = new InvitationBatch(UUID.randomUUID(), discussion, organiser, null, null, rows,
				FanOutState.DONE, now, now);
		this.batches.add(batch, "list");
		String tag = batch.id().toString().substring(0, 8);
		List<Delivery> chunk = new ArrayList<>(BULK);
		for (int line = 1; line <= rows; line++) {
			String email = "p" + line + "-" + tag + "@example.org";
			chunk.add(new Delivery(UUID.randomUUID(), batch.id(), line, email, email, "Person " + line,
					DeliveryStatus.SENT, null, null, 0, null, false, null, null, now, null, null));
			if (chunk.size() == BULK || line == rows) {
				this.deliveries.addAll(chunk);
				chunk.clear();
			}
		}
		return batch;
	}

	private static final int BULK = 10_000;

	private InvitationBatch batch(UUID discussion, UUID organiser, int entries, List<String> emails,
			List<DeliveryStatus> statuses) {
		OffsetDateTime now = OffsetDateTime.now();
		InvitationBatch batch = new InvitationBatch(UUID.randomUUID(), discussion, organiser, null, null, entries,
				FanOutState.DONE, now, now);
		this.batches.add(batch, "list");
		List<Delivery> rows = new ArrayList<>();
		for (int i = 0; i < statuses.size(); i++) {
			String email = emails.get(i);
			rows.add(new Delivery(UUID.randomUUID(), batch.id(), i + 1, email, email.toLowerCase(), null,
					statuses.get(i), null, null, 0, null, false, null, null, now, null, null));
		}
		this.deliveries.addAll(rows);
		return batch;
	}

}
