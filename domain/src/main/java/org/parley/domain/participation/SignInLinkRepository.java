package org.parley.domain.participation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Magic links. Using one is a single atomic update, so a link signs in once, however
 * often it is clicked.
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
	 * @return whether this call used the link: false if it was used before or has expired
	 */
	public boolean use(UUID id, OffsetDateTime now) {
		return this.jdbc.sql("""
				update sign_in_link set used_at = :now where id = :id and used_at is null and expires_at > :now""")
			.param("now", now)
			.param("id", id)
			.update() == 1;
	}

	/**
	 * Records that the link's mail is going out. @return false if it was mailed before,
	 * so a redelivered request mails nothing
	 */
	public boolean markMailed(UUID id, OffsetDateTime now) {
		return this.jdbc.sql("update sign_in_link set mailed_at = :now where id = :id and mailed_at is null")
			.param("now", now)
			.param("id", id)
			.update() == 1;
	}

	/**
	 * Undoes {@link #markMailed} after the mail server refused the mail for now, so it is
	 * tried again.
	 */
	public void unmarkMailed(UUID id) {
		this.jdbc.sql("update sign_in_link set mailed_at = null where id = :id").param("id", id).update();
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
