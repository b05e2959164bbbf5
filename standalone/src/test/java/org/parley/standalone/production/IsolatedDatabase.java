package org.parley.standalone.production;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A PostgreSQL database of the production shape's own on the machine's server, dropped
 * and created again at every start, so that CI's {@code test} database and other
 * engineers' are never touched. It stays after the run for a look at the ledger.
 */
final class IsolatedDatabase {

	static final String SERVER = System.getProperty("parley.production-shape.postgres",
			"jdbc:postgresql://127.0.0.1:5432/");

	static final String USER = "postgres";

	static final String PASSWORD = "";

	private final String name;

	private IsolatedDatabase(String name) {
		this.name = name;
	}

	static boolean reachable() {
		DriverManager.setLoginTimeout(3);
		try (Connection connection = DriverManager.getConnection(SERVER + "postgres", USER, PASSWORD)) {
			return connection.isValid(3);
		}
		catch (SQLException ex) {
			return false;
		}
	}

	static IsolatedDatabase recreate(String name) {
		if (!name.matches("[a-z0-9_]+")) {
			throw new IllegalArgumentException("Not a plain database name: " + name);
		}
		try (Connection connection = DriverManager.getConnection(SERVER + "postgres", USER, PASSWORD);
				Statement statement = connection.createStatement()) {
			statement.execute("drop database if exists " + name + " with (force)");
			statement.execute("create database " + name);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not create the database " + name, ex);
		}
		return new IsolatedDatabase(name);
	}

	String name() {
		return this.name;
	}

	String jdbcUrl() {
		return SERVER + this.name;
	}

	Connection connect() throws SQLException {
		return DriverManager.getConnection(jdbcUrl(), USER, PASSWORD);
	}

}
