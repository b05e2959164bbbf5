package org.parley.standalone.production;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The imports of the shape's database, read with plain JDBC: what the fault scenarios
 * count against, whatever the API says. Nothing half-made means: every import ends
 * SUCCEEDED or FAILED, a succeeded import has exactly one discussion and no stored bytes
 * left, and every outbox row was published.
 */
final class ImportLedger {

	private final IsolatedDatabase database;

	ImportLedger(IsolatedDatabase database) {
		this.database = database;
	}

	/** Discussions made from the import: one once it succeeded, else none. */
	int discussionsOf(UUID importId) {
		return count("select count(*) from discussion where import_id = ?", importId);
	}

	/** Section numbers that occur more than once in the discussion. */
	int duplicateSectionNumbers(UUID discussion) {
		return count("select count(*) from (select number from section where discussion_id = ? group by number "
				+ "having count(*) > 1) d", discussion);
	}

	/** Every import that has not reached SUCCEEDED or FAILED, with its state. */
	List<String> unfinished() {
		return strings(
				"select id || ' ' || state || ' ' || coalesce(stage, '-') || ' ' || percent from document_import "
						+ "where state not in ('SUCCEEDED', 'FAILED')");
	}

	/**
	 * Uploaded bytes still stored for an import that succeeded (they are deleted with the
	 * save).
	 */
	int bytesLeftBySucceededImports() {
		return count("select count(*) from import_file f join document_import i on i.id = f.import_id "
				+ "where i.state = 'SUCCEEDED'", null);
	}

	/** Discussions whose import did not succeed, or that share an import with another. */
	int discussionsWithoutTheirImport() {
		return count("select count(*) from discussion d left join document_import i on i.id = d.import_id "
				+ "where d.import_id is not null and (i.state is distinct from 'SUCCEEDED' or i.discussion_id <> d.id)",
				null);
	}

	/** Outbox rows never confirmed by the broker. */
	int unpublishedOutboxRows() {
		return count("select count(*) from outbox_message where published_at is null", null);
	}

	/** Imports of files with this name. */
	int importsNamed(String sourceName) {
		return count("select count(*) from document_import where source_name = ?", sourceName);
	}

	/**
	 * The status of each job execution of the import, oldest first, e.g. [FAILED,
	 * COMPLETED] after a recovery.
	 */
	List<String> jobExecutions(UUID importId) {
		List<String> statuses = new ArrayList<>();
		query("select e.status from batch_job_execution e join batch_job_execution_params p "
				+ "on p.job_execution_id = e.job_execution_id where p.parameter_name = 'importId' "
				+ "and p.parameter_value = ? order by e.job_execution_id", importId.toString(),
				rs -> statuses.add(rs.getString(1)));
		return statuses;
	}

	/**
	 * {@code updated_at} of the import in epoch milliseconds: it moves with every
	 * progress report.
	 */
	long updatedAtMillis(UUID importId) {
		long[] millis = new long[1];
		query("select updated_at from document_import where id = ?", importId,
				rs -> millis[0] = rs.getTimestamp(1).getTime());
		return millis[0];
	}

	private int count(String sql, Object parameter) {
		int[] count = new int[1];
		query(sql, parameter, rs -> count[0] = rs.getInt(1));
		return count[0];
	}

	private List<String> strings(String sql) {
		List<String> rows = new ArrayList<>();
		query(sql, null, rs -> rows.add(rs.getString(1)));
		return rows;
	}

	private void query(String sql, Object parameter, Row row) {
		try (Connection connection = this.database.connect();
				PreparedStatement statement = connection.prepareStatement(sql)) {
			if (parameter != null) {
				statement.setObject(1, parameter);
			}
			try (ResultSet rs = statement.executeQuery()) {
				while (rs.next()) {
					row.accept(rs);
				}
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not read the imports: " + sql, ex);
		}
	}

	private interface Row {

		void accept(ResultSet rs) throws SQLException;

	}

}
