package org.parley.standalone.production;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The delivery ledger ({@code invitation_delivery}) of the shape's database, read with
 * plain JDBC: the truth that the sink's record is counted against.
 */
final class InvitationLedger {

	private final IsolatedDatabase database;

	InvitationLedger(IsolatedDatabase database) {
		this.database = database;
	}

	/** Rows of the batch by status. */
	Map<String, Integer> statuses(UUID batch) {
		Map<String, Integer> counts = new TreeMap<>();
		query("select status, count(*) from invitation_delivery where batch_id = ? group by status", batch,
				rs -> counts.put(rs.getString(1), rs.getInt(2)));
		return counts;
	}

	/** The {@code Message-ID} of every row of the batch marked SENT, with its address. */
	Map<String, String> sentMessageIds(UUID batch) {
		Map<String, String> sent = new HashMap<>();
		query("select message_id, email from invitation_delivery where batch_id = ? and status = 'SENT'", batch,
				rs -> sent.put(rs.getString(1), rs.getString(2)));
		return sent;
	}

	/** The fan-out job's state of the batch: PENDING, RUNNING, DONE or FAILED. */
	String fanOut(UUID batch) {
		String[] state = new String[1];
		query("select fan_out from invitation_batch where id = ?", batch, rs -> state[0] = rs.getString(1));
		return state[0];
	}

	/**
	 * Rows of the batch flagged ambiguous: a crash or a cut inside their SMTP
	 * transaction.
	 */
	int ambiguous(UUID batch) {
		int[] count = new int[1];
		query("select count(*) from invitation_delivery where batch_id = ? and ambiguous", batch,
				rs -> count[0] = rs.getInt(1));
		return count[0];
	}

	private void query(String sql, UUID batch, Row row) {
		try (Connection connection = this.database.connect();
				PreparedStatement statement = connection.prepareStatement(sql)) {
			statement.setObject(1, batch);
			try (ResultSet rs = statement.executeQuery()) {
				while (rs.next()) {
					row.accept(rs);
				}
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not read the ledger: " + sql, ex);
		}
	}

	private interface Row {

		void accept(ResultSet rs) throws SQLException;

	}

}
