package org.parley.invite;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import org.parley.domain.discussion.DiscussionRepository;
import org.parley.domain.invitation.InvitationBatch;
import org.parley.domain.invitation.InvitationBatchRepository;
import org.parley.domain.invitation.InvitationBatchState;
import org.parley.domain.invitation.InvitationCounts;
import org.parley.domain.invitation.InviteeList;
import org.parley.domain.messaging.InvitationsRequested;
import org.parley.domain.organiser.Organiser;
import org.parley.domain.organiser.OrganiserRepository;
import org.parley.domain.outbox.Outbox;
import org.parley.domain.outline.Block;
import org.parley.domain.outline.BlockKind;
import org.parley.domain.outline.Outline;
import org.parley.domain.outline.OutlineSection;

import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.awaitility.Awaitility.await;

/**
 * What the web does when an organiser invites: a discussion to invite to, a batch and its
 * request.
 */
public final class InvitationFixtures {

	public static final String LINK_SECRET = "test-link-secret-0123456789-abcdefghijklmnop";

	private final ApplicationContext context;

	public InvitationFixtures(ApplicationContext context) {
		this.context = context;
	}

	public UUID discussion(String title) {
		UUID organiser = UUID.randomUUID();
		this.context.getBean(OrganiserRepository.class)
			.add(new Organiser(organiser, organiser + "@parley.test", "{noop}x", "Olga Organiser",
					OffsetDateTime.now()));
		UUID id = this.context.getBean(DiscussionRepository.class)
			.addDraft(null, organiser, title,
					new Outline(title, null, List
						.of(new OutlineSection("1.", "Goals", 1, List.of(new Block(BlockKind.PARAGRAPH, "Text."))))),
					OffsetDateTime.now());
		this.context.getBean(JdbcClient.class)
			.sql("update discussion set closes_at = :c where id = :id")
			.param("c", OffsetDateTime.parse("2027-02-15T17:00:00Z"))
			.param("id", id)
			.update();
		return id;
	}

	/** Stores a batch and, with it, its request in the outbox, as the web does. */
	public UUID invite(UUID discussionId, String csv, String message) {
		return store(discussionId, csv, message, true);
	}

	/**
	 * Stores a batch; with {@code request} false, nobody starts its fan-out but the test.
	 */
	public UUID store(UUID discussionId, String csv, String message, boolean request) {
		TransactionTemplate tx = new TransactionTemplate(this.context.getBean(PlatformTransactionManager.class));
		return tx.execute(status -> {
			UUID organiser = this.context.getBean(JdbcClient.class)
				.sql("select organiser_id from discussion_organiser where discussion_id = :d")
				.param("d", discussionId)
				.query(UUID.class)
				.single();
			OffsetDateTime now = OffsetDateTime.now();
			InvitationBatch batch = InvitationBatch.requested(discussionId, organiser, message, "list.csv",
					InviteeList.parse(csv).size(), now);
			this.context.getBean(InvitationBatchRepository.class).add(batch, csv);
			if (!request) {
				return batch.id();
			}
			this.context.getBean(Outbox.class).send(new InvitationsRequested(UUID.randomUUID(), batch.id(), now));
			return batch.id();
		});
	}

	/**
	 * Waits, at most {@code atMost}, until the batch has succeeded: fanned out and every
	 * delivery finished. Returns its counts then.
	 */
	public InvitationCounts awaitFinished(UUID batchId, Duration atMost) {
		InvitationBatchRepository batches = this.context.getBean(InvitationBatchRepository.class);
		AtomicReference<InvitationCounts> last = new AtomicReference<>();
		await().atMost(atMost).pollInterval(Duration.ofMillis(200)).until(() -> {
			InvitationBatch batch = batches.findById(batchId).orElseThrow();
			InvitationCounts counts = batches.counts(batch);
			last.set(counts);
			return counts.state(batch.fanOut()) == InvitationBatchState.SUCCEEDED;
		});
		return last.get();
	}

}
