package org.parley.web.accessibility;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

import org.parley.web.system.ProblemException;

import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Barriers people report, stored for the organisers. One client may report a few an hour
 * and everyone together a bounded number, counted in the database so that the limit holds
 * across web instances.
 */
@Component
class BarrierReports {

	static final int MAX_DESCRIPTION = 4000;

	static final int PER_CLIENT_PER_HOUR = 5;

	static final int IN_TOTAL_PER_HOUR = 200;

	private final JdbcClient jdbc;

	private final Clock clock;

	BarrierReports(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	record BarrierReport(UUID id, String page, String description, String email, OffsetDateTime createdAt) {
	}

	@Transactional
	UUID report(String page, String description, String email, String clientAddress) {
		String text = (description != null) ? description.strip() : "";
		if (text.isEmpty()) {
			throw new ProblemException(HttpStatus.BAD_REQUEST, "BARRIER_EMPTY", "Nothing described",
					"Please describe the barrier you met.");
		}
		if (text.length() > MAX_DESCRIPTION) {
			throw new ProblemException(HttpStatus.BAD_REQUEST, "BARRIER_TOO_LONG", "Description too long",
					"Please keep the description under " + MAX_DESCRIPTION + " characters.", MAX_DESCRIPTION);
		}
		String contact = (email != null && !email.isBlank()) ? email.strip() : null;
		if (contact != null && (contact.length() > 320 || !contact.matches("[^@\\s]+@[^@\\s]+"))) {
			throw new ProblemException(HttpStatus.BAD_REQUEST, "INVALID_EMAIL", "Invalid email address",
					"That is not an email address.");
		}
		OffsetDateTime now = OffsetDateTime.now(this.clock);
		OffsetDateTime hourAgo = now.minus(Duration.ofHours(1));
		String client = hash(clientAddress);
		int mine = this.jdbc.sql("select count(*) from barrier_report where client = :client and created_at > :since")
			.param("client", client)
			.param("since", hourAgo)
			.query(Integer.class)
			.single();
		int all = this.jdbc.sql("select count(*) from barrier_report where created_at > :since")
			.param("since", hourAgo)
			.query(Integer.class)
			.single();
		if (mine >= PER_CLIENT_PER_HOUR || all >= IN_TOTAL_PER_HOUR) {
			throw new ProblemException(HttpStatus.TOO_MANY_REQUESTS, "RATE_LIMITED", "Too many requests",
					"Too many requests came in a short time. Please wait a little and try again.");
		}
		UUID id = UUID.randomUUID();
		this.jdbc
			.sql("insert into barrier_report (id, page, description, email, client, created_at) "
					+ "values (:id, :page, :description, :email, :client, :now)")
			.param("id", id)
			.param("page",
					(page != null && !page.isBlank()) ? page.strip().substring(0, Math.min(2000, page.strip().length()))
							: null)
			.param("description", text)
			.param("email", contact)
			.param("client", client)
			.param("now", now)
			.update();
		return id;
	}

	/** The newest reports first. */
	List<BarrierReport> newest(int limit) {
		return this.jdbc.sql(
				"select id, page, description, email, created_at from barrier_report order by created_at desc limit :limit")
			.param("limit", limit)
			.query((rs, n) -> new BarrierReport(rs.getObject("id", UUID.class), rs.getString("page"),
					rs.getString("description"), rs.getString("email"),
					rs.getObject("created_at", OffsetDateTime.class)))
			.list();
	}

	private static String hash(String address) {
		try {
			MessageDigest sha = MessageDigest.getInstance("SHA-256");
			return HexFormat.of().formatHex(sha.digest(("parley-barrier:" + address).getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is missing", ex);
		}
	}

}
