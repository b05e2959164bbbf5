package org.parley.domain.organiser;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The organisers' one-time set-up links. */
@Repository
public class OrganiserSetupRepository {

	private final JdbcClient jdbc;

	public OrganiserSetupRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public void add(OrganiserSetup setup) {
		this.jdbc.sql("""
				insert into organiser_setup (id, organiser_id, invited_by, created_at, expires_at)
				values (:id, :organiser, :invitedBy, :createdAt, :expiresAt)""")
			.param("id", setup.id())
			.param("organiser", setup.organiserId())
			.param("invitedBy", setup.invitedBy())
			.param("createdAt", setup.createdAt())
			.param("expiresAt", setup.expiresAt())
			.update();
	}

	public Optional<OrganiserSetup> findById(UUID id) {
		return this.jdbc.sql("select * from organiser_setup where id = :id")
			.param("id", id)
			.query(OrganiserSetupRepository::map)
			.optional();
	}

	/**
	 * Uses the link up, if it is still open: of two requests at once, one wins.
	 * @return whether this call used it
	 */
	public boolean use(UUID id, OffsetDateTime now) {
		return this.jdbc.sql("""
				update organiser_setup set used_at = :now
				where id = :id and used_at is null and expires_at > :now""")
			.param("id", id)
			.param("now", now)
			.update() == 1;
	}

	private static OrganiserSetup map(ResultSet rs, int row) throws SQLException {
		return new OrganiserSetup(rs.getObject("id", UUID.class), rs.getObject("organiser_id", UUID.class),
				rs.getObject("invited_by", UUID.class), rs.getObject("created_at", OffsetDateTime.class),
				rs.getObject("expires_at", OffsetDateTime.class), rs.getObject("used_at", OffsetDateTime.class));
	}

}
