package org.parley.domain.database;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * Keeps PostgreSQL's planner statistics of tables that grow by the thousand in a few
 * seconds (the delivery ledger and the outbox during a fan-out) current when the server's
 * autovacuum is off. Without statistics, a statement the driver prepared while a table
 * was small keeps that plan: a lookup by primary key planned as a scan of the table went
 * from microseconds to hundreds of milliseconds as a campaign's 100,000 rows arrived.
 * With autovacuum on, or on another database, this does nothing (PostgreSQL's manual,
 * "Populating a Database": run ANALYZE after a bulk load).
 * <p>
 * A table is analyzed once it holds more than twice the rows it held at its last analysis
 * (plus {@value #THRESHOLD}): plans change with a table's size, not with updates of its
 * rows. Counting every change, as autovacuum does, analyzed the ledger 29 times in a
 * campaign of 100,000, because every row is updated twice as it is sent; an analysis of
 * that table took 0.9 s of the server's time, a fifth of what the whole campaign asked of
 * it.
 * <p>
 * It works on a connection of its own in auto-commit, so it may be called inside a
 * transaction.
 */
@Component
public class PlannerStatistics {

	private static final Logger log = LoggerFactory.getLogger(PlannerStatistics.class);

	private static final Pattern TABLE = Pattern.compile("[a-z_]+");

	/**
	 * A table is analyzed once it holds this many rows more than {@link #GROWTH} times
	 * its last count.
	 */
	private static final int THRESHOLD = 500;

	private static final int GROWTH = 2;

	private final DataSource dataSource;

	private volatile Boolean needed;

	public PlannerStatistics(DataSource dataSource) {
		this.dataSource = dataSource;
	}

	/** Analyzes those of the tables that grew enough since they were last analyzed. */
	public void refresh(String... tables) {
		if (!needed()) {
			return;
		}
		for (String table : tables) {
			if (!TABLE.matcher(table).matches()) {
				throw new IllegalArgumentException("Not a table name: " + table);
			}
		}
		try (Connection connection = this.dataSource.getConnection()) {
			connection.setAutoCommit(true);
			for (String table : changed(connection, tables)) {
				long start = System.nanoTime();
				try (Statement analyze = connection.createStatement()) {
					analyze.execute("analyze " + table);
				}
				log.debug("Analyzed {} in {} ms", table, (System.nanoTime() - start) / 1_000_000);
			}
		}
		catch (SQLException ex) {
			// Stale statistics make statements slower, never wrong.
			log.info("Planner statistics not refreshed: {}", ex.getMessage());
		}
	}

	/**
	 * Those of the tables that grew enough since they were last analyzed, in one catalog
	 * query.
	 */
	private static List<String> changed(Connection connection, String... tables) throws SQLException {
		List<String> changed = new ArrayList<>(tables.length);
		try (PreparedStatement query = connection.prepareStatement("""
				select s.relname from pg_stat_user_tables s join pg_class c on c.oid = s.relid
				where s.relname = any (?) and s.schemaname = current_schema()
				and s.n_live_tup > %d + %d * greatest(c.reltuples, 0)""".formatted(THRESHOLD, GROWTH))) {
			query.setArray(1, connection.createArrayOf("text", tables));
			try (ResultSet rs = query.executeQuery()) {
				while (rs.next()) {
					changed.add(rs.getString(1));
				}
			}
		}
		return changed;
	}

	private boolean needed() {
		Boolean known = this.needed;
		if (known == null) {
			known = autovacuumIsOff();
			this.needed = known;
		}
		return known;
	}

	private boolean autovacuumIsOff() {
		try (Connection connection = this.dataSource.getConnection()) {
			if (!"PostgreSQL".equals(connection.getMetaData().getDatabaseProductName())) {
				return false;
			}
			try (Statement query = connection.createStatement();
					ResultSet rs = query.executeQuery("select current_setting('autovacuum')")) {
				boolean off = rs.next() && "off".equals(rs.getString(1));
				if (off) {
					log.info("The server's autovacuum is off: campaigns analyze the tables they fill themselves");
				}
				return off;
			}
		}
		catch (SQLException ex) {
			log.info("Could not tell whether autovacuum runs; leaving planner statistics to the server: {}",
					ex.getMessage());
			return false;
		}
	}

}
