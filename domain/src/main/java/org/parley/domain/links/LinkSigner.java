package org.parley.domain.links;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Makes and checks link tokens of the form {@code <id>.<hmac>}, where the HMAC-SHA256
 * also covers a purpose ("sign-in", "unsubscribe"), so a token made for one purpose opens
 * nothing else. Expiry and single use are the business of whoever stores the id.
 */
public final class LinkSigner {

	private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

	private final byte[] secret;

	public LinkSigner(String secret) {
		if (secret == null || secret.length() < 32) {
			throw new IllegalArgumentException("The link secret needs at least 32 characters");
		}
		this.secret = secret.getBytes(StandardCharsets.UTF_8);
	}

	public String sign(String purpose, UUID id) {
		return id + "." + mac(purpose, id);
	}

	/** The id, if the token is well formed and its signature is right for the purpose. */
	public Optional<UUID> verify(String purpose, String token) {
		if (token == null) {
			return Optional.empty();
		}
		int dot = token.indexOf('.');
		if (dot < 0) {
			return Optional.empty();
		}
		UUID id;
		try {
			id = UUID.fromString(token.substring(0, dot));
		}
		catch (IllegalArgumentException ex) {
			return Optional.empty();
		}
		byte[] expected = mac(purpose, id).getBytes(StandardCharsets.US_ASCII);
		byte[] given = token.substring(dot + 1).getBytes(StandardCharsets.US_ASCII);
		return MessageDigest.isEqual(expected, given) ? Optional.of(id) : Optional.empty();
	}

	private String mac(String purpose, UUID id) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(this.secret, "HmacSHA256"));
			return ENCODER.encodeToString(mac.doFinal((purpose + ":" + id).getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException | InvalidKeyException ex) {
			throw new IllegalStateException("HmacSHA256 is part of every Java runtime", ex);
		}
	}

}
