package org.parley.domain.participation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Magic links. Using one is a single atomic update, so a link signs in at most its
 * allowed number of times, however often it is clicked.
 */
@Repository
public class SignInLinkRepository {

	private final JdbcClient jdbc;

	public SignInLinkRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public void add(SignInLink link) {
		this.jdbc.sql("""
				insert into sign_in_link (id, email, discussion_id, created_at, expires_at)
				values (:id, :email, :discussion, :createdAt, :expiresAt)""")
			.param("id", link.id())
			.param("email", ParticipantRepository.normalise(link.email()))
			.param("discussion", link.discussionId())
			.param("createdAt", link.createdAt())
			.param("expiresAt", link.expiresAt())
			.update();
	}

	public Optional<SignInLink> findById(UUID id) {
		return this.jdbc.sql("select * from sign_in_link where id = :id")
			.param("id", id)
			.query(SignInLinkRepository::map)
			.optional();
	}

	/**
	 * Uses the link once more, if it has not expired and has been used fewer than
	 * {@code maxUses} times: a single atomic update, so concurrent clicks never exceed
	 * the limit. {@code used_at} keeps the first use.
	 * @return whether this call used the link
	 */
	public boolean use(UUID id, OffsetDateTime now, int maxUses) {
		return this.jdbc.sql("""
				update sign_in_link set used_at = coalesce(used_at, :now), uses = uses + 1
				where id = :id and uses < :maxUses and expires_at > :now""")
			.param("now", now)
			.param("id", id)
			.param("maxUses", maxUses)
			.update() == 1;
	}

	/**
	 * @return whether the link can still sign in: not expired and used fewer than
	 * {@code maxUses} times
	 */
	public boolean isUsable(UUID id, OffsetDateTime now, int maxUses) {
		return this.jdbc
			.sql("select count(*) from sign_in_link where id = :id and uses < :maxUses and expires_at > :now")
			.param("now", now)
			.param("id", id)
			.param("maxUses", maxUses)
			.query(Long.class)
			.single() == 1;
	}

	/**
	 * Records that the link's mail is going out. @return false if it was mailed before,
	 * so a redelivered request (or a sweep that found it due at the same time) mails
	 * nothing
	 */
	public boolean markMailed(UUID id, OffsetDateTime now) {
		return this.jdbc.sql("""
				update sign_in_link set mailed_at = :now, mail_due_at = null, mail_attempts = mail_attempts + 1
				where id = :id and mailed_at is null""").param("now", now).param("id", id).update() == 1;
	}

	/**
	 * Undoes {@link #markMailed} after the mail server refused the mail for now: it is
	 * sent again from {@code due} on ({@link #findMailDue}).
	 */
	public void markMailRetry(UUID id, OffsetDateTime due) {
		this.jdbc.sql("update sign_in_link set mailed_at = null, mail_due_at = :due where id = :id")
			.param("due", due)
			.param("id", id)
			.update();
	}

	/** How many times the link's mail went out to the relay. */
	public int mailAttempts(UUID id) {
		return this.jdbc.sql("select mail_attempts from sign_in_link where id = :id")
			.param("id", id)
			.query(Integer.class)
			.optional()
			.orElse(0);
	}

	/** Links whose mail waits for a retry that is due, while they still work. */
	public List<UUID> findMailDue(OffsetDateTime now, int limit) {
		return this.jdbc.sql("""
				select id from sign_in_link where mail_due_at <= :now and mailed_at is null and used_at is null
				    and expires_at > :now
				order by mail_due_at limit :limit""").param("now", now).param("limit", limit).query(UUID.class).list();
	}

	public long countSince(String email, OffsetDateTime since) {
		return this.jdbc.sql("select count(*) from sign_in_link where email = :email and created_at >= :since")
			.param("email", ParticipantRepository.normalise(email))
			.param("since", since)
			.query(Long.class)
			.single();
	}

	private static SignInLink map(ResultSet rs, int row) throws SQLException {
		return new SignInLink(rs.getObject("id", UUID.class), rs.getString("email"),
				rs.getObject("discussion_id", UUID.class), rs.getObject("created_at", OffsetDateTime.class),
				rs.getObject("expires_at", OffsetDateTime.class), rs.getObject("used_at", OffsetDateTime.class));
	}

}
