package org.parley.domain.invitation;

import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The addresses Parley does not mail any more, by their lower-case key. */
@Repository
public class SuppressionRepository {

	private final JdbcClient jdbc;

	public SuppressionRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Suppresses an address; suppressing it again keeps the first reason. */
	public void suppress(String emailKey, SuppressionReason reason, String detail, OffsetDateTime now) {
		this.jdbc.sql("""
				insert into email_suppression (email_key, reason, detail, created_at)
				values (:key, :reason, :detail, :now) on conflict do nothing""")
			.param("key", emailKey)
			.param("reason", reason.name())
			.param("detail", (detail != null && detail.length() > 1000) ? detail.substring(0, 1000) : detail)
			.param("now", now)
			.update();
	}

	public boolean isSuppressed(String emailKey) {
		return this.jdbc.sql("select count(*) from email_suppression where email_key = :key")
			.param("key", emailKey)
			.query(Integer.class)
			.single() > 0;
	}

	/**
	 * Whether mail to the address bounced hard before. Notifications and sign-in links
	 * ask this rather than {@link #isSuppressed}: an unsubscribe from invitations does
	 * not stop them.
	 */
	public boolean bouncedHard(String emailKey) {
		return this.jdbc.sql("select count(*) from email_suppression where email_key = :key and reason = 'HARD_BOUNCE'")
			.param("key", emailKey)
			.query(Integer.class)
			.single() > 0;
	}

	/** Which of the given keys are suppressed. */
	public Set<String> suppressedAmong(Collection<String> emailKeys) {
		if (emailKeys.isEmpty()) {
			return Set.of();
		}
		return new HashSet<>(this.jdbc.sql("select email_key from email_suppression where email_key in (:keys)")
			.param("keys", emailKeys)
			.query(String.class)
			.list());
	}

}
