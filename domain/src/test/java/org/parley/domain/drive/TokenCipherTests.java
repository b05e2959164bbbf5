package org.parley.domain.drive;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TokenCipherTests {

	private static final String TOKEN = "1//0g-refresh-token-from-google";

	private final UUID organiser = UUID.randomUUID();

	private final TokenCipher cipher = TokenCipher.fromBase64Key(randomKey());

	@Test
	void sealedTokenOpensToTheSameToken() {
		SealedToken sealed = this.cipher.seal(TOKEN, this.organiser);

		assertThat(this.cipher.open(sealed, this.organiser)).isEqualTo(TOKEN);
	}

	@Test
	void ciphertextHoldsNoClearTextAndEachSealTakesAFreshNonce() {
		SealedToken first = this.cipher.seal(TOKEN, this.organiser);
		SealedToken second = this.cipher.seal(TOKEN, this.organiser);

		assertThat(new String(first.ciphertext(), java.nio.charset.StandardCharsets.ISO_8859_1))
			.doesNotContain("refresh");
		assertThat(first.nonce()).hasSize(12).isNotEqualTo(second.nonce());
		assertThat(first.ciphertext()).isNotEqualTo(second.ciphertext());
	}

	@Test
	void alteredCiphertextIsDetected() {
		SealedToken sealed = this.cipher.seal(TOKEN, this.organiser);
		byte[] altered = sealed.ciphertext();
		altered[3] ^= 0x01;

		assertThatThrownBy(() -> this.cipher.open(new SealedToken(altered, sealed.nonce()), this.organiser))
			.isInstanceOf(TokenUnreadable.class);
	}

	@Test
	void alteredNonceIsDetected() {
		SealedToken sealed = this.cipher.seal(TOKEN, this.organiser);
		byte[] nonce = sealed.nonce();
		nonce[0] ^= 0x01;

		assertThatThrownBy(() -> this.cipher.open(new SealedToken(sealed.ciphertext(), nonce), this.organiser))
			.isInstanceOf(TokenUnreadable.class);
	}

	@Test
	void anotherKeyCannotOpenIt() {
		SealedToken sealed = this.cipher.seal(TOKEN, this.organiser);

		assertThatThrownBy(() -> TokenCipher.fromBase64Key(randomKey()).open(sealed, this.organiser))
			.isInstanceOf(TokenUnreadable.class);
	}

	@Test
	void tokenCopiedToAnotherOrganiserDoesNotOpen() {
		SealedToken sealed = this.cipher.seal(TOKEN, this.organiser);

		assertThatThrownBy(() -> this.cipher.open(sealed, UUID.randomUUID())).isInstanceOf(TokenUnreadable.class);
	}

	@Test
	void keyMustBeThirtyTwoBytesOfBase64AndIsNeverEchoed() {
		String shortKey = Base64.getEncoder().encodeToString(new byte[16]);
		assertThatIllegalArgumentException().isThrownBy(() -> TokenCipher.fromBase64Key(shortKey))
			.withMessageContaining("32 bytes")
			.withMessageNotContaining(shortKey);
		assertThatIllegalArgumentException().isThrownBy(() -> TokenCipher.fromBase64Key("not base64!"))
			.withMessageNotContaining("not base64!");
		assertThatIllegalArgumentException().isThrownBy(() -> TokenCipher.fromBase64Key(" "));
	}

	static String randomKey() {
		byte[] key = new byte[32];
		new SecureRandom().nextBytes(key);
		return Base64.getEncoder().encodeToString(key);
	}

}
