package org.parley.domain.organiser;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Organiser accounts. Emails are compared case-insensitively. */
@Repository
public class OrganiserRepository {

	private final JdbcClient jdbc;

	public OrganiserRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public void add(Organiser organiser) {
		this.jdbc.sql("""
				insert into organiser (id, email, password_hash, display_name, created_at)
				values (:id, :email, :hash, :name, :createdAt)""")
			.param("id", organiser.id())
			.param("email", normalise(organiser.email()))
			.param("hash", organiser.passwordHash())
			.param("name", organiser.displayName())
			.param("createdAt", organiser.createdAt())
			.update();
	}

	public Optional<Organiser> findByEmail(String email) {
		return this.jdbc.sql("select * from organiser where email = :email")
			.param("email", normalise(email))
			.query(OrganiserRepository::map)
			.optional();
	}

	public Optional<Organiser> findById(UUID id) {
		return this.jdbc.sql("select * from organiser where id = :id")
			.param("id", id)
			.query(OrganiserRepository::map)
			.optional();
	}

	/** The organisers of a discussion. */
	public List<Organiser> findByDiscussion(UUID discussionId) {
		return this.jdbc.sql("""
				select o.* from organiser o join discussion_organiser d on d.organiser_id = o.id
				where d.discussion_id = :d order by o.created_at""")
			.param("d", discussionId)
			.query(OrganiserRepository::map)
			.list();
	}

	/** Replaces the organiser's password hash; false if there is no such organiser. */
	public boolean changePassword(UUID id, String passwordHash) {
		return this.jdbc.sql("update organiser set password_hash = :hash where id = :id")
			.param("id", id)
			.param("hash", passwordHash)
			.update() == 1;
	}

	public long count() {
		return this.jdbc.sql("select count(*) from organiser").query(Long.class).single();
	}

	public static String normalise(String email) {
		return email.trim().toLowerCase(Locale.ROOT);
	}

	private static Organiser map(ResultSet rs, int row) throws SQLException {
		return new Organiser(rs.getObject("id", UUID.class), rs.getString("email"), rs.getString("password_hash"),
				rs.getString("display_name"), rs.getObject("created_at", OffsetDateTime.class));
	}

}
