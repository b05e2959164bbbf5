package org.parley.domain.links;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class LinkSignerTests {

	private final LinkSigner signer = new LinkSigner("a-secret-of-at-least-thirty-two-characters");

	@Test
	void signedTokenVerifiesForItsPurposeOnly() {
		UUID id = UUID.randomUUID();
		String token = this.signer.sign("sign-in", id);

		assertThat(this.signer.verify("sign-in", token)).contains(id);
		assertThat(this.signer.verify("unsubscribe", token)).isEmpty();
	}

	@Test
	void tamperedOrForeignTokensAreRejected() {
		UUID id = UUID.randomUUID();
		String token = this.signer.sign("sign-in", id);

		assertThat(this.signer.verify("sign-in", UUID.randomUUID() + token.substring(36))).isEmpty();
		assertThat(this.signer.verify("sign-in", token + "x")).isEmpty();
		assertThat(this.signer.verify("sign-in", "not-a-token")).isEmpty();
		assertThat(new LinkSigner("another-secret-of-thirty-two-characters!").verify("sign-in", token)).isEmpty();
	}

	@Test
	void shortSecretsAreRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> new LinkSigner("short"));
	}

}
