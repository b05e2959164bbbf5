package org.parley.standalone;

import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.parley.domain.invitation.InvitationBatch;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 15's acceptance figure: a recipients list of a million rows downloads whole from
 * the standalone mode with its default async timeout, and the database answers
 * afterwards. Run it with
 * {@code -Dgroups=benchmark -Dsurefire.excludedGroups= -Dtest=RecipientsExportBenchmarkTests}.
 */
@Tag("benchmark")
class RecipientsExportBenchmarkTests {

	static final int ROWS = Integer.getInteger("parley.benchmark.export-rows", 1_000_000);

	@Test
	void aMillionRecipientsDownloadWhole() throws Exception {
		try (StandaloneApplication app = RecipientsExportIntegrationTests.start(Map.of())) {
			long insertStart = System.nanoTime();
			InvitationBatch batch = RecipientsExportIntegrationTests.largeBatch(app.web(), ROWS);
			Duration inserted = Duration.ofNanos(System.nanoTime() - insertStart);

			HttpClient http = HttpClient.newHttpClient();
			long start = System.nanoTime();
			HttpResponse<InputStream> response = http.send(RecipientsExportIntegrationTests.csv(app, batch),
					HttpResponse.BodyHandlers.ofInputStream());
			RecipientsExportIntegrationTests.Lines lines = RecipientsExportIntegrationTests.Lines.of(response.body());
			Duration took = Duration.ofNanos(System.nanoTime() - start);

			assertThat(response.statusCode()).isEqualTo(200);
			assertThat(lines.count()).isEqualTo(ROWS + 1);
			assertThat(lines.last()).startsWith("\"" + ROWS + "\",");
			assertThat(http
				.send(java.net.http.HttpRequest
					.newBuilder(RecipientsExportIntegrationTests.uri(app, "/api/invitation-batches/" + batch.id()))
					.header("Authorization", RecipientsExportIntegrationTests.basic())
					.build(), HttpResponse.BodyHandlers.ofString())
				.statusCode()).isEqualTo(200);
			System.out.printf("recipients.csv: %,d rows inserted in %s, downloaded (%,d lines) in %s, %.0f rows/s%n",
					ROWS, inserted, lines.count(), took, ROWS / (took.toMillis() / 1000.0));
		}
	}

}
