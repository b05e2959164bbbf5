package org.parley.invite.mail;

import java.time.Duration;
import java.time.OffsetDateTime;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The one refusal policy of every kind of mail. */
class RefusalTests {

	static final OffsetDateTime NOW = OffsetDateTime.parse("2027-01-10T09:00:00Z");

	static final Retries RETRIES = new Retries(Duration.ofSeconds(30), Duration.ofHours(1), Duration.ofDays(3));

	@Test
	void aRefusedRecipientFailsAndIsSuppressed() {
		Refusal refusal = Refusal.of(new SmtpFailure(550, "550 No such user", true), 0, NOW, RETRIES, NOW);

		assertThat(refusal).isInstanceOfSatisfying(Refusal.Failed.class, failed -> {
			assertThat(failed.suppress()).isTrue();
			assertThat(failed.code()).isEqualTo(550);
			assertThat(failed.givenUp()).isFalse();
		});
	}

	@Test
	void aPermanentRefusalOfTheMessageFailsWithoutSuppressingTheAddress() {
		assertThat(Refusal.of(new SmtpFailure(554, "554 Rejected", false), 0, NOW, RETRIES, NOW))
			.isInstanceOfSatisfying(Refusal.Failed.class, failed -> assertThat(failed.suppress()).isFalse());
	}

	@Test
	void aTemporaryRefusalOrADroppedConnectionIsRetriedWithGrowingBackoff() {
		Refusal first = Refusal.of(new SmtpFailure(421, "421 Busy", false), 0, NOW, RETRIES, NOW);
		Refusal dropped = Refusal.of(new SmtpFailure(null, "Connection reset", false), 4, NOW, RETRIES, NOW);

		assertThat(first).isInstanceOfSatisfying(Refusal.Retry.class, retry -> {
			assertThat(retry.ambiguous()).isFalse();
			assertThat(retry.at()).isBetween(NOW.plusSeconds(15), NOW.plusSeconds(30));
		});
		assertThat(dropped).isInstanceOfSatisfying(Refusal.Retry.class, retry -> {
			assertThat(retry.code()).isNull();
			// the fifth attempt: 30 s × 2^4 = 8 min, the upper half jittered
			assertThat(retry.at()).isBetween(NOW.plusMinutes(4), NOW.plusMinutes(8));
		});
	}

	@Test
	void aConnectionLostAfterTheFinalDotIsRetriedFlaggedAmbiguous() {
		Refusal lost = Refusal.of(new SmtpFailure(null, "Read timed out", false, true), 0, NOW, RETRIES, NOW);

		assertThat(lost).isInstanceOfSatisfying(Refusal.Retry.class, retry -> assertThat(retry.ambiguous()).isTrue());
	}

	@Test
	void aRetryPastTheMaximumAgeGivesUp() {
		Refusal late = Refusal.of(new SmtpFailure(451, "451 Try later", false), 9, NOW.minusDays(3), RETRIES, NOW);

		assertThat(late).isInstanceOfSatisfying(Refusal.Failed.class, failed -> {
			assertThat(failed.givenUp()).isTrue();
			assertThat(failed.suppress()).isFalse();
			assertThat(failed.reason()).startsWith("Not accepted after 10 attempts");
		});
	}

}
