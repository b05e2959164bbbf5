package org.parley.domain.invitation;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class InvitationLinkTests {

	private final InvitationLink link = new InvitationLink("a-test-secret-that-is-long-enough-0123456789");

	private final Instant now = Instant.parse("2026-02-01T10:00:00Z");

	@Test
	void verifiesALinkItSigned() {
		InvitationLink.Claims claims = new InvitationLink.Claims(UUID.randomUUID(), UUID.randomUUID(),
				this.now.plus(Duration.ofDays(30)));

		assertThat(this.link.verify(this.link.sign(claims), this.now)).isEqualTo(claims);
	}

	@Test
	void refusesAnAlteredOrForeignLink() {
		String token = this.link
			.sign(new InvitationLink.Claims(UUID.randomUUID(), UUID.randomUUID(), this.now.plus(Duration.ofDays(1))));
		// Its first character changed: the one it has is looked at, or one token in 64
		// stays as it was.
		String altered = ((token.charAt(0) == 'A') ? "B" : "A") + token.substring(1);
		assertThat(altered).isNotEqualTo(token);
		InvitationLink other = new InvitationLink("another-secret-that-is-long-enough-9876543210");

		assertThatExceptionOfType(InvitationLinkInvalid.class).isThrownBy(() -> this.link.verify(altered, this.now));
		assertThatExceptionOfType(InvitationLinkInvalid.class).isThrownBy(() -> other.verify(token, this.now));
		assertThatExceptionOfType(InvitationLinkInvalid.class).isThrownBy(() -> this.link.verify("junk", this.now));
	}

	@Test
	void refusesAnExpiredLink() {
		String token = this.link
			.sign(new InvitationLink.Claims(UUID.randomUUID(), UUID.randomUUID(), this.now.minusSeconds(1)));

		assertThatExceptionOfType(InvitationExpired.class).isThrownBy(() -> this.link.verify(token, this.now));
	}

}
