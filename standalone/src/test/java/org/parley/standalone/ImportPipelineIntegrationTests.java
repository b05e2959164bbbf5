package org.parley.standalone;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.parley.domain.test.Scrape;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole path as a user takes it, through the real web, broker, worker and database:
 * upload over HTTP, follow the SSE stream to the end, read the sections.
 */
class ImportPipelineIntegrationTests {

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final JsonMapper json = JsonMapper.builder().build();

	@Test
	void uploadedPdfBecomesADraftDiscussionWhileProgressStreamsLive() throws Exception {
		String base = RunningParley.baseUrl();
		byte[] pdf = resource("samples/doc-office.pdf");

		HttpResponse<String> accepted = this.http.send(multipartUpload(base, "doc-office.pdf", pdf),
				HttpResponse.BodyHandlers.ofString());
		assertThat(accepted.statusCode()).isEqualTo(202);
		String location = accepted.headers().firstValue("Location").orElseThrow();

		List<JsonNode> events = follow(base + location + "/events");
		JsonNode last = events.get(events.size() - 1);
		assertThat(last.get("state").asString()).as("last event %s", last).isEqualTo("SUCCEEDED");
		assertThat(last.get("percent").asInt()).isEqualTo(100);
		assertThat(events).extracting(e -> e.get("percent").asInt()).isSortedAccordingTo(Integer::compare);
		assertThat(events).extracting(e -> e.get("stage").asString()).contains("SAVING");

		String discussionId = last.get("discussionId").asString();
		JsonNode sections = getJson(base + "/api/discussions/" + discussionId + "/sections");
		JsonNode expected = this.json.readTree(resource("samples/expected-outline.json")).get("units");
		assertThat(sections.size()).isEqualTo(expected.size());
		for (int i = 0; i < expected.size(); i++) {
			JsonNode section = sections.get(i);
			JsonNode unit = expected.get(i);
			assertThat(section.get("number").asInt()).isEqualTo(i + 1);
			assertThat(section.get("label")).as("label %d", i + 1).isEqualTo(unit.get("label"));
			assertThat(section.get("heading")).as("heading %d", i + 1).isEqualTo(unit.get("heading"));
			assertThat(section.get("level").asInt()).as("level %d", i + 1).isEqualTo(unit.get("level").asInt());
			List<String> texts = new ArrayList<>();
			section.get("paragraphs")
				.forEach(p -> texts.add(p.get("kind").asString() + " " + p.get("text").asString()));
			List<String> wanted = new ArrayList<>();
			unit.get("blocks")
				.forEach(b -> wanted
					.add(b.get("kind").asString().toUpperCase().replace('-', '_') + " " + b.get("text").asString()));
			assertThat(texts).as("paragraphs %d", i + 1).containsExactlyElementsOf(wanted);
		}
		assertThat(getJson(base + "/api/discussions/" + discussionId).get("status").asString()).isEqualTo("DRAFT");

		// Each app of the one JVM has its own scrape and health.
		Scrape ingest = Scrape.of(local(RunningParley.get().ingestWorker()));
		assertThat(ingest.value("parley_imports_total{outcome=\"succeeded\",problem=\"none\"}"))
			.isGreaterThanOrEqualTo(1);
		assertThat(ingest.value("parley_imports_duration_seconds_count{format=\"pdf\",outcome=\"succeeded\"}"))
			.isGreaterThanOrEqualTo(1);
		assertThat(ingest.has("parley_dead_letter_depth{queue=\"parley.import.requested\"}")).isTrue();
		assertThat(Scrape.of(base, RunningParley.ADMIN, RunningParley.PASSWORD)
			.has("parley_queue_depth{queue=\"parley.invitation.send\"}")).isTrue();
		String invite = local(RunningParley.get().inviteWorker());
		assertThat(Scrape.of(invite).has("parley_queue_consumers{queue=\"parley.invitation.send\"}")).isTrue();
		HttpResponse<String> smtp = this.http.send(
				HttpRequest.newBuilder(URI.create(invite + "/actuator/health/smtp")).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(smtp.body()).as("the embedded GreenMail").contains("\"status\":\"UP\"");
	}

	private static String local(org.springframework.context.ConfigurableApplicationContext app) {
		return "http://localhost:" + app.getEnvironment().getProperty("local.server.port");
	}

	@Test
	void draftDiscussionIsHiddenFromTheAnonymousPublic() throws Exception {
		String base = RunningParley.baseUrl();
		HttpResponse<String> accepted = this.http.send(
				multipartUpload(base, "doc.pdf", resource("samples/doc-office.pdf")),
				HttpResponse.BodyHandlers.ofString());
		List<JsonNode> events = follow(base + accepted.headers().firstValue("Location").orElseThrow() + "/events");
		String discussionId = events.get(events.size() - 1).get("discussionId").asString();

		HttpResponse<String> anonymous = this.http.send(
				HttpRequest.newBuilder(URI.create(base + "/api/discussions/" + discussionId + "/sections")).build(),
				HttpResponse.BodyHandlers.ofString());

		assertThat(anonymous.statusCode()).isEqualTo(404);
		assertThat(anonymous.body()).doesNotContain("Strategic Goal");
	}

	private List<JsonNode> follow(String eventsUrl) throws IOException, InterruptedException {
		HttpRequest request = HttpRequest.newBuilder(URI.create(eventsUrl))
			.header("Authorization", basic())
			.header("Accept", "text/event-stream")
			.timeout(Duration.ofSeconds(90))
			.build();
		HttpResponse<InputStream> response = this.http.send(request, HttpResponse.BodyHandlers.ofInputStream());
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("text/event-stream");
		List<JsonNode> events = new ArrayList<>();
		try (BufferedReader reader = new BufferedReader(
				new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
			String line;
			while ((line = reader.readLine()) != null) {
				if (line.startsWith("data:")) {
					events.add(this.json.readTree(line.substring(5)));
				}
			}
		}
		assertThat(events).isNotEmpty();
		return events;
	}

	private JsonNode getJson(String url) throws IOException, InterruptedException {
		HttpResponse<String> response = this.http.send(
				HttpRequest.newBuilder(URI.create(url)).header("Authorization", basic()).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return this.json.readTree(response.body());
	}

	private HttpRequest multipartUpload(String base, String name, byte[] content) {
		String boundary = "parley-" + UUID.randomUUID();
		byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + name
				+ "\"\r\nContent-Type: application/pdf\r\n\r\n")
			.getBytes(StandardCharsets.UTF_8);
		byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
		byte[] body = new byte[head.length + content.length + tail.length];
		System.arraycopy(head, 0, body, 0, head.length);
		System.arraycopy(content, 0, body, head.length, content.length);
		System.arraycopy(tail, 0, body, head.length + content.length, tail.length);
		return HttpRequest.newBuilder(URI.create(base + "/api/imports"))
			.header("Authorization", basic())
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(HttpRequest.BodyPublishers.ofByteArray(body))
			.build();
	}

	private static String basic() {
		return "Basic " + Base64.getEncoder()
			.encodeToString((RunningParley.ADMIN + ":" + RunningParley.PASSWORD).getBytes(StandardCharsets.UTF_8));
	}

	private static byte[] resource(String path) throws IOException {
		try (InputStream in = ImportPipelineIntegrationTests.class.getClassLoader().getResourceAsStream(path)) {
			return in.readAllBytes();
		}
	}

}
