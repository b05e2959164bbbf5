package org.parley.domain.invitation;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.parley.domain.discussion.DiscussionRepository;
import org.parley.domain.organiser.Organiser;
import org.parley.domain.organiser.OrganiserRepository;
import org.parley.domain.outline.Outline;
import org.parley.domain.test.InvitationLedgers;
import org.parley.domain.test.TestInfrastructure;
import org.parley.domaintests.DomainTestApplication;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(classes = DomainTestApplication.class)
class InvitationBatchRepositoryIntegrationTests {

	@DynamicPropertySource
	static void infrastructure(DynamicPropertyRegistry registry) {
		TestInfrastructure.register(registry);
	}

	@Autowired
	InvitationBatchRepository batches;

	@Autowired
	DeliveryRepository deliveries;

	@Autowired
	DiscussionRepository discussions;

	@Autowired
	OrganiserRepository organisers;

	UUID organiser;

	UUID discussion;

	@BeforeEach
	void discussionWithItsOrganiser() {
		this.organiser = UUID.randomUUID();
		this.organisers.add(
				new Organiser(this.organiser, this.organiser + "@example.org", "{noop}x", "Org", OffsetDateTime.now()));
		this.discussion = this.discussions.addDraft(null, this.organiser, "T", new Outline("T", null, List.of()),
				OffsetDateTime.now());
	}

	@Test
	void countsSeveralBatchesInOneReadEachFromItsOwnLedger() {
		InvitationBatch first = batch(6, DeliveryStatus.SENT, DeliveryStatus.SENT, DeliveryStatus.FAILED,
				DeliveryStatus.INVALID, DeliveryStatus.QUEUED);
		InvitationBatch second = batch(4, DeliveryStatus.DUPLICATE, DeliveryStatus.SUPPRESSED, DeliveryStatus.SENT);
		InvitationBatch withoutRows = batch(3);

		Map<UUID, InvitationCounts> counts = this.batches.counts(List.of(first, second, withoutRows));

		assertThat(counts).containsOnlyKeys(first.id(), second.id(), withoutRows.id());
		assertThat(counts.get(first.id())).isEqualTo(new InvitationCounts(6, 1, 0, 0, 2, 2, 1));
		assertThat(counts.get(second.id())).isEqualTo(new InvitationCounts(4, 0, 1, 1, 1, 1, 0));
		assertThat(counts.get(withoutRows.id())).isEqualTo(new InvitationCounts(3, 0, 0, 0, 3, 0, 0));
		assertThat(counts.get(first.id())).isEqualTo(this.batches.counts(first));
		assertThat(counts.get(second.id())).isEqualTo(this.batches.counts(second));
	}

	@Test
	void countsNoBatchesWithoutReading() {
		assertThat(this.batches.counts(List.<InvitationBatch>of())).isEmpty();
	}

	@Test
	void findsTheNewestBatchesOfADiscussionUpToTheLimit() {
		OffsetDateTime start = OffsetDateTime.now().minusHours(1);
		List<UUID> added = new ArrayList<>();
		for (int i = 0; i < 3; i++) {
			InvitationBatch b = InvitationBatch.requested(this.discussion, this.organiser, null, null, 1,
					start.plusMinutes(i));
			this.batches.add(b, "a@example.org");
			added.add(b.id());
		}

		assertThat(this.batches.findByDiscussion(this.discussion, 2)).extracting(InvitationBatch::id)
			.containsExactly(added.get(2), added.get(1));
	}

	private InvitationBatch batch(int entries, DeliveryStatus... statuses) {
		return new InvitationLedgers(this.batches, this.deliveries).batch(this.discussion, this.organiser, entries,
				statuses);
	}

}
