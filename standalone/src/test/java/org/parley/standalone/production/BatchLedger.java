package org.parley.standalone.production;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Every row of one invitation batch in the shape's ledger, and the suppression list, read
 * with plain JDBC: what a fault scenario's counts are computed against.
 */
final class BatchLedger {

	private final IsolatedDatabase database;

	BatchLedger(IsolatedDatabase database) {
		this.database = database;
	}

	List<Row> rows(UUID batch) {
		List<Row> rows = new ArrayList<>();
		try (Connection connection = this.database.connect();
				PreparedStatement statement = connection.prepareStatement("""
						select id, email_key, status, ambiguous, attempts, smtp_code, message_id
						from invitation_delivery where batch_id = ?""")) {
			statement.setObject(1, batch);
			try (ResultSet rs = statement.executeQuery()) {
				while (rs.next()) {
					rows.add(new Row(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getBoolean(4),
							rs.getInt(5), (Integer) rs.getObject(6), rs.getString(7)));
				}
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not read the ledger of batch " + batch, ex);
		}
		return rows;
	}

	/** Which of the addresses (lower-cased) are on the suppression list. */
	Set<String> suppressed(Collection<String> emailKeys) {
		Set<String> found = new HashSet<>();
		try (Connection connection = this.database.connect();
				PreparedStatement statement = connection
					.prepareStatement("select email_key from email_suppression where email_key = any (?)")) {
			statement.setArray(1, connection.createArrayOf("varchar", emailKeys.toArray()));
			try (ResultSet rs = statement.executeQuery()) {
				while (rs.next()) {
					found.add(rs.getString(1));
				}
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not read the suppression list", ex);
		}
		return found;
	}

	/** One entry of the list as the ledger holds it. */
	record Row(UUID id, String emailKey, String status, boolean ambiguous, int attempts, Integer smtpCode,
			String messageId) {

		/**
		 * An entry mail is meant to go to: neither cleaned out by the fan-out nor
		 * suppressed.
		 */
		boolean deliverable() {
			return !Set.of("INVALID", "DUPLICATE", "SUPPRESSED").contains(this.status);
		}

	}

}
