package org.parley.domain.invitation;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The personal link of an invitation: the delivery and discussion it belongs to and when
 * it expires, signed with HMAC-SHA256. It names the ledger row, so it works for that
 * invitee only; nothing needs to be stored to check it.
 */
public final class InvitationLink {

	private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

	private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

	private static final int PAYLOAD_BYTES = 16 + 16 + 8;

	private final SecretKeySpec key;

	private final ThreadLocal<Mac> macs = ThreadLocal.withInitial(this::newMac);

	/**
	 * @param secret at least 32 characters, shared by the worker that signs and the web
	 * that checks
	 */
	public InvitationLink(String secret) {
		if (secret == null || secret.length() < 32) {
			throw new IllegalArgumentException("The invitation link secret must have at least 32 characters");
		}
		this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
	}

	public String sign(Claims claims) {
		ByteBuffer payload = ByteBuffer.allocate(PAYLOAD_BYTES);
		put(payload, claims.deliveryId());
		put(payload, claims.discussionId());
		payload.putLong(claims.expiresAt().getEpochSecond());
		byte[] bytes = payload.array();
		return ENCODER.encodeToString(bytes) + "." + ENCODER.encodeToString(mac(bytes));
	}

	/**
	 * @throws InvitationLinkInvalid when the token was not signed with this secret
	 * @throws InvitationExpired when it was, but its time is up
	 */
	public Claims verify(String token, Instant now) {
		int dot = (token != null) ? token.indexOf('.') : -1;
		if (dot < 0) {
			throw new InvitationLinkInvalid();
		}
		byte[] payload;
		byte[] signature;
		try {
			payload = DECODER.decode(token.substring(0, dot));
			signature = DECODER.decode(token.substring(dot + 1));
		}
		catch (IllegalArgumentException ex) {
			throw new InvitationLinkInvalid();
		}
		if (payload.length != PAYLOAD_BYTES || !MessageDigest.isEqual(mac(payload), signature)) {
			throw new InvitationLinkInvalid();
		}
		ByteBuffer b = ByteBuffer.wrap(payload);
		Claims claims = new Claims(new UUID(b.getLong(), b.getLong()), new UUID(b.getLong(), b.getLong()),
				Instant.ofEpochSecond(b.getLong()));
		if (!now.isBefore(claims.expiresAt())) {
			throw new InvitationExpired(claims);
		}
		return claims;
	}

	private byte[] mac(byte[] payload) {
		// doFinal leaves the Mac ready for the next payload: one per thread, not one per
		// link.
		return this.macs.get().doFinal(payload);
	}

	private Mac newMac() {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(this.key);
			return mac;
		}
		catch (NoSuchAlgorithmException | InvalidKeyException ex) {
			throw new IllegalStateException("HmacSHA256 is part of every Java runtime", ex);
		}
	}

	private static void put(ByteBuffer buffer, UUID id) {
		buffer.putLong(id.getMostSignificantBits()).putLong(id.getLeastSignificantBits());
	}

	/** What a link says: whose invitation, to which discussion, until when. */
	public record Claims(UUID deliveryId, UUID discussionId, Instant expiresAt) {
	}

}
