package org.parley.domain.discussion;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DiscussionLifecycleTests {

	private static final OffsetDateTime OPENS = OffsetDateTime.parse("2027-02-01T09:00:00+01:00");

	private static final OffsetDateTime CLOSES = OffsetDateTime.parse("2027-02-15T18:00:00+01:00");

	private final Discussion draft = new Discussion(UUID.randomUUID(), null, "T", null, Privacy.PUBLIC, null, null,
			null, null, null, OffsetDateTime.now());

	@Test
	void draftStaysADraftWhateverTheDate() {
		assertThat(this.draft.schedule(OPENS, CLOSES, ZoneId.of("Europe/Vienna")).status(at("2027-02-05T12:00:00Z")))
			.isEqualTo(DiscussionStatus.DRAFT);
	}

	@Test
	void publishedDiscussionOpensAndClosesByItsDates() {
		Discussion published = this.draft.schedule(OPENS, CLOSES, ZoneId.of("Europe/Vienna"))
			.publish(at("2027-01-20T12:00:00Z"));

		assertThat(published.status(at("2027-01-31T12:00:00Z"))).isEqualTo(DiscussionStatus.DRAFT);
		assertThat(published.isScheduled(at("2027-01-31T12:00:00Z"))).isTrue();
		assertThat(published.status(at("2027-02-01T08:00:00Z"))).isEqualTo(DiscussionStatus.OPEN);
		assertThat(published.status(at("2027-02-15T16:59:59Z"))).isEqualTo(DiscussionStatus.OPEN);
		assertThat(published.status(at("2027-02-15T17:00:00Z"))).isEqualTo(DiscussionStatus.CLOSED);
	}

	@Test
	void closingEarlyAndReopeningOverrideTheDatesUntilNewDatesAreSet() {
		Clock during = at("2027-02-05T12:00:00Z");
		Discussion open = this.draft.schedule(OPENS, CLOSES, null).publish(during);

		Discussion closed = open.close(during);
		assertThat(closed.status(during)).isEqualTo(DiscussionStatus.CLOSED);

		Clock after = at("2027-03-01T12:00:00Z");
		Discussion reopened = closed.reopen(after);
		assertThat(reopened.status(after)).isEqualTo(DiscussionStatus.OPEN);
		assertThat(reopened.schedule(OPENS, CLOSES, null).status(after)).isEqualTo(DiscussionStatus.CLOSED);
	}

	private static Clock at(String instant) {
		return Clock.fixed(Instant.parse(instant), ZoneOffset.UTC);
	}

}
