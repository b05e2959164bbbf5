package org.parley.domain.participation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;

import org.parley.domain.invitation.EmailAddress;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Participants by id and by email (compared in {@link EmailAddress#normalise} form). */
@Repository
public class ParticipantRepository {

	private final JdbcClient jdbc;

	public ParticipantRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public Optional<Participant> findByEmail(String email) {
		return this.jdbc.sql("select * from participant where email = :email")
			.param("email", normalise(email))
			.query(ParticipantRepository::map)
			.optional();
	}

	public Optional<Participant> findById(UUID id) {
		return this.jdbc.sql("select * from participant where id = :id")
			.param("id", id)
			.query(ParticipantRepository::map)
			.optional();
	}

	/** The participant with this email, created on first sign-in. */
	public Participant findOrCreate(String email, OffsetDateTime now) {
		Optional<Participant> found = findByEmail(email);
		if (found.isPresent()) {
			return found.get();
		}
		Participant created = new Participant(UUID.randomUUID(), normalise(email), null, now);
		try {
			this.jdbc.sql("insert into participant (id, email, created_at) values (:id, :email, :now)")
				.param("id", created.id())
				.param("email", created.email())
				.param("now", now)
				.update();
			return created;
		}
		catch (DuplicateKeyException ex) {
			return findByEmail(email).orElseThrow(); // signed in twice at the same moment
		}
	}

	public void rename(UUID id, String displayName) {
		this.jdbc.sql("update participant set display_name = :name where id = :id")
			.param("name", displayName)
			.param("id", id)
			.update();
	}

	static String normalise(String email) {
		return EmailAddress.normalise(email);
	}

	private static Participant map(ResultSet rs, int row) throws SQLException {
		return new Participant(rs.getObject("id", UUID.class), rs.getString("email"), rs.getString("display_name"),
				rs.getObject("created_at", OffsetDateTime.class));
	}

}
