package org.parley.standalone.production;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.parley.standalone.production.SmtpSink.AcceptedMessage;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The short form of the production shape: one process of each app from its jar, on this
 * machine's PostgreSQL and RabbitMQ and {@code smtp-sink}. A draft PDF is imported and
 * published through the API, 200 people are invited, and every one of them is in the sink
 * exactly once, by the {@code Message-ID} the ledger recorded. Runs wherever those
 * services are (CI, and {@code ./mvnw verify} on a machine that has them); elsewhere it
 * is skipped, saying what is missing.
 */
class ProductionShapeIntegrationTests {

	static final int INVITEES = 200;

	static ProductionShape shape;

	@BeforeAll
	static void start() {
		String unavailable = ProductionShape.unavailableBecause();
		assumeTrue(unavailable == null, () -> "Production shape skipped: " + unavailable);
		shape = ProductionShape.with(1, 1, 1).start();
	}

	@AfterAll
	static void stop() {
		if (shape != null) {
			System.out.println("Production shape peak RSS (kB): " + shape.peakRssKb());
			shape.close();
		}
	}

	@Test
	void everyInviteeOfAnImportedDraftIsMailedExactlyOnce() throws IOException {
		ParleyApi api = shape.api();
		UUID discussion = api.publishedDiscussion(sample("doc-office.pdf"), "doc-office.pdf", "Production shape",
				Duration.ofMinutes(2));
		StringBuilder csv = new StringBuilder("email,name\n");
		for (int i = 0; i < INVITEES; i++) {
			csv.append("invitee").append(i).append("@example.org,Invitee ").append(i).append('\n');
		}
		csv.append("INVITEE7@example.org,Invitee 7 again\n").append("not-an-address,Nobody\n");

		UUID batch = api.invite(discussion, csv.toString().getBytes(StandardCharsets.UTF_8), "Please comment.");

		JsonNode done = awaitFinished(api, batch);
		assertThat(done.path("state").asString()).isEqualTo("SUCCEEDED");
		assertThat(done.path("total").asInt()).isEqualTo(INVITEES + 2);
		assertThat(done.path("sent").asInt()).isEqualTo(INVITEES);
		assertThat(done.path("duplicates").asInt()).isEqualTo(1);
		assertThat(done.path("invalid").asInt()).isEqualTo(1);
		await().atMost(Duration.ofSeconds(30)).until(() -> shape.sink().accepted() >= INVITEES);

		Map<String, String> ledger = shape.ledger().sentMessageIds(batch);
		List<AcceptedMessage> accepted = shape.sink().messages();
		Map<String, Long> copies = accepted.stream()
			.collect(Collectors.groupingBy(AcceptedMessage::messageId, Collectors.counting()));
		assertThat(ledger).hasSize(INVITEES);
		assertThat(copies).as("copies in the sink by Message-ID").containsOnlyKeys(ledger.keySet());
		assertThat(copies.values()).as("copies of each message").containsOnly(1L);
		Map<String, AcceptedMessage> byId = accepted.stream()
			.collect(Collectors.toMap(AcceptedMessage::messageId, Function.identity()));
		ledger.forEach((messageId, email) -> assertThat(byId.get(messageId).recipients()).containsExactly(email));
		assertThat(shape.ledger().ambiguous(batch)).isZero();
	}

	static JsonNode awaitFinished(ParleyApi api, UUID batch) {
		JsonNode[] last = new JsonNode[1];
		await("batch " + batch).atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(500)).until(() -> {
			last[0] = api.batch(batch);
			return last[0].path("state").asString().matches("SUCCEEDED|FAILED") && last[0].path("queued").asInt() == 0;
		});
		return last[0];
	}

	static byte[] sample(String name) throws IOException {
		try (InputStream in = ProductionShapeIntegrationTests.class.getResourceAsStream("/samples/" + name)) {
			return in.readAllBytes();
		}
	}

}
