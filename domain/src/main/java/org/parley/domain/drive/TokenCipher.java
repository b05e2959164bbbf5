package org.parley.domain.drive;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.UUID;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals and opens refresh tokens with AES-256-GCM. Each seal takes a fresh 96-bit random
 * nonce. The organiser's id is bound in as associated data, so a sealed token copied onto
 * another organiser's row does not open. GCM's tag makes any change to the ciphertext
 * detectable.
 */
public final class TokenCipher {

	private static final String TRANSFORMATION = "AES/GCM/NoPadding";

	private static final int NONCE_BYTES = 12;

	private static final int TAG_BITS = 128;

	private final SecretKeySpec key;

	private final SecureRandom random = new SecureRandom();

	private TokenCipher(byte[] key) {
		this.key = new SecretKeySpec(key, "AES");
	}

	/**
	 * @param base64Key 32 random bytes in base64, e.g. from
	 * {@code openssl rand -base64 32}
	 * @throws IllegalArgumentException if the key is missing, not base64 or not 32 bytes;
	 * the message never contains the key
	 */
	public static TokenCipher fromBase64Key(String base64Key) {
		if (base64Key == null || base64Key.isBlank()) {
			throw new IllegalArgumentException("The token encryption key is not set");
		}
		byte[] key;
		try {
			key = Base64.getDecoder().decode(base64Key.strip());
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException("The token encryption key is not base64");
		}
		if (key.length != 32) {
			throw new IllegalArgumentException(
					"The token encryption key must be 32 bytes (256 bits) in base64, not " + key.length + " bytes");
		}
		return new TokenCipher(key);
	}

	public SealedToken seal(String token, UUID organiserId) {
		byte[] nonce = new byte[NONCE_BYTES];
		this.random.nextBytes(nonce);
		try {
			Cipher cipher = Cipher.getInstance(TRANSFORMATION);
			cipher.init(Cipher.ENCRYPT_MODE, this.key, new GCMParameterSpec(TAG_BITS, nonce));
			cipher.updateAAD(associatedData(organiserId));
			return new SealedToken(cipher.doFinal(token.getBytes(StandardCharsets.UTF_8)), nonce);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("AES-GCM is not available in this JVM", ex);
		}
	}

	/**
	 * @throws TokenUnreadable if the key, the organiser or the ciphertext is not the
	 * sealed one
	 */
	public String open(SealedToken sealed, UUID organiserId) {
		try {
			Cipher cipher = Cipher.getInstance(TRANSFORMATION);
			cipher.init(Cipher.DECRYPT_MODE, this.key, new GCMParameterSpec(TAG_BITS, sealed.nonce()));
			cipher.updateAAD(associatedData(organiserId));
			return new String(cipher.doFinal(sealed.ciphertext()), StandardCharsets.UTF_8);
		}
		catch (GeneralSecurityException | IllegalArgumentException ex) {
			throw new TokenUnreadable(ex);
		}
	}

	private static byte[] associatedData(UUID organiserId) {
		return ByteBuffer.allocate(16)
			.putLong(organiserId.getMostSignificantBits())
			.putLong(organiserId.getLeastSignificantBits())
			.array();
	}

}
