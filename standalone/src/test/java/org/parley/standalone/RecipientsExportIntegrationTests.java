package org.parley.standalone;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.parley.domain.discussion.DiscussionRepository;
import org.parley.domain.invitation.DeliveryRepository;
import org.parley.domain.invitation.InvitationBatch;
import org.parley.domain.invitation.InvitationBatchRepository;
import org.parley.domain.organiser.OrganiserRepository;
import org.parley.domain.outline.Outline;
import org.parley.domain.test.InvitationLedgers;
import org.parley.domain.test.TestInfrastructure;

import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * Issue 15's exports on the standalone mode's embedded H2 file database: a recipients
 * list that takes longer to write than the (here shortened) async request timeout arrives
 * whole, and neither that timeout nor a client that leaves half-way closes the database
 * under the other requests.
 */
class RecipientsExportIntegrationTests {

	static final String ADMIN = "export-admin@parley.local";

	static final String PASSWORD = "export-test-secret-0123";

	/**
	 * Enough rows that writing them takes many times the timeout, which Tomcat checks
	 * once a second.
	 */
	static final int ROWS = Integer.getInteger("parley.test.export-rows", 300_000);

	private static StandaloneApplication app;

	private static InvitationBatch batch;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	@BeforeAll
	static void parleyWithALargeBatch() throws Exception {
		app = start(Map.of("spring.mvc.async.request-timeout", "100ms"));
		batch = largeBatch(app.web(), ROWS);
	}

	@AfterAll
	static void stop() {
		if (app != null) {
			app.close();
		}
	}

	@Test
	void aRecipientsListLongerThanTheAsyncTimeoutDownloadsWhole() throws Exception {
		HttpResponse<InputStream> response = this.http.send(csv(app, batch), HttpResponse.BodyHandlers.ofInputStream());

		assertThat(response.statusCode()).isEqualTo(200);
		Lines lines = Lines.of(response.body());
		assertThat(lines.count()).isEqualTo(ROWS + 1);
		assertThat(lines.last()).startsWith("\"" + ROWS + "\",\"p" + ROWS + "-");
		assertThatTheDatabaseAnswers();
	}

	@Test
	void aClientThatLeavesMidDownloadLeavesTheDatabaseUsable() throws Exception {
		try (Socket socket = new Socket("127.0.0.1", app.webPort())) {
			OutputStream out = socket.getOutputStream();
			out.write(("GET /api/invitation-batches/" + batch.id() + "/recipients.csv HTTP/1.1\r\nHost: localhost\r\n"
					+ "Authorization: " + basic() + "\r\n\r\n")
				.getBytes(StandardCharsets.US_ASCII));
			out.flush();
			byte[] first = socket.getInputStream().readNBytes(256 * 1024);
			assertThat(new String(first, 0, 12, StandardCharsets.US_ASCII)).isEqualTo("HTTP/1.1 200");
			// A reset rather than a polite close: the server's next write fails at once.
			socket.setSoLinger(true, 0);
		}

		assertThatTheDatabaseAnswers();
		HttpResponse<InputStream> again = this.http.send(csv(app, batch), HttpResponse.BodyHandlers.ofInputStream());
		assertThat(Lines.of(again.body()).count()).isEqualTo(ROWS + 1);
	}

	@Test
	void anExportThatFailsPartWayEndsAsABrokenTransferNotAShortFile() throws Exception {
		JdbcClient jdbc = app.web().getBean(JdbcClient.class);
		HttpResponse<InputStream> response = this.http.send(csv(app, batch), HttpResponse.BodyHandlers.ofInputStream());
		assertThat(response.statusCode()).isEqualTo(200);
		try (InputStream body = response.body()) {
			assertThat(body.readNBytes(64 * 1024)).hasSize(64 * 1024);
			// The ledger goes away between two pages, as a failed database would.
			jdbc.sql("alter table invitation_delivery rename to invitation_delivery_away").update();
			try {
				assertThatThrownBy(() -> body.transferTo(OutputStream.nullOutputStream()))
					.as("reading the rest of a broken export")
					.isInstanceOf(IOException.class);
			}
			finally {
				jdbc.sql("alter table invitation_delivery_away rename to invitation_delivery").update();
			}
		}
		assertThatTheDatabaseAnswers();
	}

	/**
	 * The batch, organiser and discussion lookups all read the database; a closed H2
	 * answered 500 or 401 here while health still said UP.
	 */
	private void assertThatTheDatabaseAnswers() {
		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
			for (int i = 0; i < 3; i++) {
				HttpResponse<String> view = this.http
					.send(HttpRequest.newBuilder(uri(app, "/api/invitation-batches/" + batch.id()))
						.header("Authorization", basic())
						.build(), HttpResponse.BodyHandlers.ofString());
				assertThat(view.statusCode()).isEqualTo(200);
				assertThat(view.body()).contains("\"total\":" + ROWS);
			}
		});
	}

	static StandaloneApplication start(Map<String, Object> settings) throws Exception {
		Map<String, Object> overrides = new java.util.HashMap<>(settings);
		overrides.put("parley.admin.email", ADMIN);
		overrides.put("parley.admin.password", PASSWORD);
		return StandaloneApplication.run(new StandaloneSettings(Files.createTempDirectory("parley-export"), 0, 0, 0,
				TestInfrastructure.freePort(), TestInfrastructure.freePort(), overrides));
	}

	static InvitationBatch largeBatch(ApplicationContext web, int rows) {
		UUID organiser = web.getBean(OrganiserRepository.class).findByEmail(ADMIN).orElseThrow().id();
		UUID discussion = web.getBean(DiscussionRepository.class)
			.addDraft(null, organiser, "Export test", new Outline("Export test", null, List.of()),
					OffsetDateTime.now());
		return new InvitationLedgers(web.getBean(InvitationBatchRepository.class),
				web.getBean(DeliveryRepository.class))
			.largeBatch(discussion, organiser, rows);
	}

	static HttpRequest csv(StandaloneApplication app, InvitationBatch batch) {
		return HttpRequest.newBuilder(uri(app, "/api/invitation-batches/" + batch.id() + "/recipients.csv"))
			.header("Authorization", basic())
			.build();
	}

	static URI uri(StandaloneApplication app, String path) {
		return URI.create("http://127.0.0.1:" + app.webPort() + path);
	}

	static String basic() {
		return "Basic " + Base64.getEncoder().encodeToString((ADMIN + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
	}

	/** The lines of a CSV body, counted as they stream by. */
	record Lines(long count, String last) {

		static Lines of(InputStream body) throws IOException {
			try (BufferedReader reader = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
				long count = 0;
				String last = null;
				for (String line = reader.readLine(); line != null; line = reader.readLine()) {
					count++;
					last = line;
				}
				return new Lines(count, last);
			}
		}

	}

}
