package org.parley.standalone.production;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.parley.domain.invitation.DeliveryRepository;
import org.parley.domain.invitation.InvitationBatch;
import org.parley.domain.invitation.InvitationBatchRepository;
import org.parley.domain.test.InvitationLedgers;

import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Issue 15's acceptance figure in the production shape: a recipients list of a million
 * rows downloads whole from the web jar on PostgreSQL, with the production async timeout,
 * and the database answers afterwards. The rows are written straight into the shape's
 * database by the ledger's own multi-row statements (sending a million invitations first
 * would measure the invite-worker, not the export). Run it with
 * {@code -Pexternal-infra -Dgroups=benchmark -Dsurefire.excludedGroups= -Dtest=RecipientsExportProductionBenchmarkTests};
 * {@code -Dparley.benchmark.export-rows=} changes the size.
 */
@Tag("benchmark")
class RecipientsExportProductionBenchmarkTests {

	static final int ROWS = Integer.getInteger("parley.benchmark.export-rows", 1_000_000);

	static ProductionShape shape;

	@BeforeAll
	static void start() {
		String unavailable = ProductionShape.unavailableBecause();
		assumeTrue(unavailable == null, () -> "Production shape skipped: " + unavailable);
		shape = ProductionShape.with(1, 1, 0).start();
	}

	@AfterAll
	static void stop() {
		if (shape != null) {
			shape.close();
		}
	}

	@Test
	void aMillionRecipientsDownloadWholeFromTheWebJar() throws Exception {
		ParleyApi api = shape.api();
		UUID discussion = api.publishedDiscussion(ProductionShapeIntegrationTests.sample("doc-office.pdf"),
				"doc-office.pdf", "Export", Duration.ofMinutes(2));
		DriverManagerDataSource database = new DriverManagerDataSource(shape.database().jdbcUrl(),
				IsolatedDatabase.USER, IsolatedDatabase.PASSWORD);
		JdbcClient jdbc = JdbcClient.create(database);
		UUID organiser = jdbc.sql("select organiser_id from discussion_organiser where discussion_id = ?")
			.param(discussion)
			.query(UUID.class)
			.single();
		long insertStart = System.nanoTime();
		InvitationBatch batch = new InvitationLedgers(new InvitationBatchRepository(jdbc),
				new DeliveryRepository(jdbc, new NamedParameterJdbcTemplate(database)))
			.largeBatch(discussion, organiser, ROWS);
		Duration inserted = Duration.ofNanos(System.nanoTime() - insertStart);

		HttpClient http = HttpClient.newHttpClient();
		long start = System.nanoTime();
		HttpResponse<InputStream> response = http.send(
				HttpRequest.newBuilder(api.base().resolve("/api/invitation-batches/" + batch.id() + "/recipients.csv"))
					.header("Authorization", api.authorization())
					.build(),
				HttpResponse.BodyHandlers.ofInputStream());
		long lines = 0;
		String last = null;
		try (BufferedReader reader = new BufferedReader(
				new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
			for (String line = reader.readLine(); line != null; line = reader.readLine()) {
				lines++;
				last = line;
			}
		}
		Duration took = Duration.ofNanos(System.nanoTime() - start);

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(lines).isEqualTo(ROWS + 1);
		assertThat(last).startsWith("\"" + ROWS + "\",");
		assertThat(api.batch(batch.id()).path("total").asInt()).isEqualTo(ROWS);
		System.out.printf(
				"recipients.csv (production shape, PostgreSQL): %,d rows inserted in %s, downloaded (%,d lines) in %s, %.0f rows/s%n",
				ROWS, inserted, lines, took, ROWS / (took.toMillis() / 1000.0));
	}

}
