package org.parley.domain.drive;

/**
 * A secret sealed by {@link TokenCipher}: the AES-GCM ciphertext (with its tag) and the
 * random nonce it was sealed with. Neither reveals the secret without the key.
 */
public record SealedToken(byte[] ciphertext, byte[] nonce) {

	public SealedToken {
		ciphertext = ciphertext.clone();
		nonce = nonce.clone();
	}

	@Override
	public byte[] ciphertext() {
		return this.ciphertext.clone();
	}

	@Override
	public byte[] nonce() {
		return this.nonce.clone();
	}

}
