package org.parley.domain.drive;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * Organisers' connected Google accounts, one per organiser; connecting again replaces it.
 */
@Repository
public class DriveAuthorizationRepository {

	private final JdbcClient jdbc;

	public DriveAuthorizationRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Transactional
	public void save(DriveAuthorization authorization) {
		int updated = this.jdbc.sql("""
				update drive_authorization set google_account = :account, token_sealed = :sealed,
				token_nonce = :nonce, scope = :scope, connected_at = :connectedAt
				where organiser_id = :organiserId""").params(params(authorization)).update();
		if (updated == 0) {
			this.jdbc
				.sql("""
						insert into drive_authorization (organiser_id, google_account, token_sealed, token_nonce, scope, connected_at)
						values (:organiserId, :account, :sealed, :nonce, :scope, :connectedAt)""")
				.params(params(authorization))
				.update();
		}
	}

	public Optional<DriveAuthorization> findByOrganiser(UUID organiserId) {
		return this.jdbc.sql("select * from drive_authorization where organiser_id = :id")
			.param("id", organiserId)
			.query(DriveAuthorizationRepository::map)
			.optional();
	}

	/**
	 * @return whether there was one to remove
	 */
	public boolean remove(UUID organiserId) {
		return this.jdbc.sql("delete from drive_authorization where organiser_id = :id")
			.param("id", organiserId)
			.update() > 0;
	}

	private static Map<String, Object> params(DriveAuthorization authorization) {
		Map<String, Object> params = new HashMap<>();
		params.put("organiserId", authorization.organiserId());
		params.put("account", authorization.googleAccount());
		params.put("sealed", authorization.refreshToken().ciphertext());
		params.put("nonce", authorization.refreshToken().nonce());
		params.put("scope", authorization.scope());
		params.put("connectedAt", authorization.connectedAt());
		return params;
	}

	private static DriveAuthorization map(ResultSet rs, int row) throws SQLException {
		return new DriveAuthorization(rs.getObject("organiser_id", UUID.class), rs.getString("google_account"),
				new SealedToken(rs.getBytes("token_sealed"), rs.getBytes("token_nonce")), rs.getString("scope"),
				rs.getObject("connected_at", OffsetDateTime.class));
	}

}
