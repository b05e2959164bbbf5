package org.parley.standalone.production;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.UUID;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.awaitility.Awaitility.await;

/**
 * The public HTTP API of one web instance (shared/API.md), as an organiser with HTTP
 * Basic.
 */
final class ParleyApi {

	private static final JsonMapper json = JsonMapper.builder().build();

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final URI base;

	private final String authorization;

	ParleyApi(URI base, String email, String password) {
		this.base = base;
		this.authorization = "Basic "
				+ Base64.getEncoder().encodeToString((email + ":" + password).getBytes(StandardCharsets.UTF_8));
	}

	/**
	 * Imports the document, waits for its draft and publishes it; returns the
	 * discussion's id.
	 */
	UUID publishedDiscussion(byte[] pdf, String fileName, String title, Duration importTimeout) {
		return publishedDiscussion(pdf, fileName, "application/pdf", title, importTimeout);
	}

	/** The same for a document of any format the upload takes. */
	UUID publishedDiscussion(byte[] document, String fileName, String contentType, String title,
			Duration importTimeout) {
		Multipart form = new Multipart().file("file", fileName, contentType, document).field("title", title);
		HttpResponse<String> accepted = send(form.post(uri("/api/imports")), 202);
		URI location = uri(accepted.headers().firstValue("Location").orElseThrow());
		JsonNode[] done = new JsonNode[1];
		await("import " + location).atMost(importTimeout).pollInterval(Duration.ofMillis(500)).until(() -> {
			JsonNode state = get(location);
			done[0] = state;
			return !state.path("state").asString().matches("QUEUED|RUNNING");
		});
		if (!"SUCCEEDED".equals(done[0].path("state").asString())) {
			throw new IllegalStateException("The import did not succeed: " + done[0]);
		}
		UUID discussion = UUID.fromString(done[0].path("discussionId").asString());
		send(request(uri("/api/discussions/" + discussion)).header("Content-Type", "application/json")
			.method("PATCH", HttpRequest.BodyPublishers.ofString("{\"status\":\"OPEN\"}"))
			.build(), 200);
		return discussion;
	}

	/**
	 * {@code POST /api/discussions/{id}/invitations} with a CSV file; returns the batch's
	 * id once the web answered 202.
	 */
	UUID invite(UUID discussion, byte[] csv, String message) {
		Multipart form = new Multipart().file("file", "invitees.csv", "text/csv", csv).field("message", message);
		HttpResponse<String> accepted = send(form.post(uri("/api/discussions/" + discussion + "/invitations")), 202);
		return UUID.fromString(json.readTree(accepted.body()).path("id").asString());
	}

	/** {@code GET /api/invitation-batches/{id}}: state and counts. */
	JsonNode batch(UUID batch) {
		return get(uri("/api/invitation-batches/" + batch));
	}

	/**
	 * {@code POST /api/imports} with the file; returns the import's id once the web
	 * answered 202.
	 */
	UUID startImport(byte[] pdf, String fileName) {
		Multipart form = new Multipart().file("file", fileName, "application/pdf", pdf);
		HttpResponse<String> accepted = send(form.post(uri("/api/imports")), 202);
		return UUID.fromString(json.readTree(accepted.body()).path("id").asString());
	}

	/** {@code GET /api/imports/{id}}. */
	JsonNode importState(UUID importId) {
		return get(uri("/api/imports/" + importId));
	}

	/** {@code GET /api/discussions/{id}/sections}: the outline in document order. */
	JsonNode sections(UUID discussion) {
		return get(uri("/api/discussions/" + discussion + "/sections"));
	}

	URI base() {
		return this.base;
	}

	/**
	 * The {@code Authorization} header value, for clients of its own (SSE, raw sockets).
	 */
	String authorization() {
		return this.authorization;
	}

	JsonNode get(URI uri) {
		return json.readTree(send(request(uri).GET().build(), 200).body());
	}

	private URI uri(String path) {
		return this.base.resolve(path);
	}

	private HttpRequest.Builder request(URI uri) {
		return HttpRequest.newBuilder(uri).timeout(Duration.ofMinutes(2)).header("Authorization", this.authorization);
	}

	private HttpResponse<String> send(HttpRequest request, int expected) {
		try {
			HttpResponse<String> response = this.http.send(request, HttpResponse.BodyHandlers.ofString());
			if (response.statusCode() != expected) {
				throw new IllegalStateException(request.method() + " " + request.uri() + " answered "
						+ response.statusCode() + ", not " + expected + ": " + response.body());
			}
			return response;
		}
		catch (IOException ex) {
			throw new IllegalStateException(request.method() + " " + request.uri() + " failed", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted", ex);
		}
	}

	/** A {@code multipart/form-data} body. */
	private final class Multipart {

		private final String boundary = "parley-" + UUID.randomUUID();

		private final ByteArrayOutputStream body = new ByteArrayOutputStream();

		Multipart field(String name, String value) {
			write("--" + this.boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n"
					+ "Content-Type: text/plain; charset=UTF-8\r\n\r\n");
			write(value);
			write("\r\n");
			return this;
		}

		Multipart file(String name, String fileName, String type, byte[] content) {
			write("--" + this.boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"; filename=\""
					+ fileName + "\"\r\nContent-Type: " + type + "\r\n\r\n");
			this.body.writeBytes(content);
			write("\r\n");
			return this;
		}

		HttpRequest post(URI uri) {
			write("--" + this.boundary + "--\r\n");
			return request(uri).header("Content-Type", "multipart/form-data; boundary=" + this.boundary)
				.POST(HttpRequest.BodyPublishers.ofByteArray(this.body.toByteArray()))
				.build();
		}

		private void write(String s) {
			this.body.writeBytes(s.getBytes(StandardCharsets.UTF_8));
		}

	}

}
