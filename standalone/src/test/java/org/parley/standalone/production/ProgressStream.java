package org.parley.standalone.production;

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
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A client of one {@code text/event-stream}, as a browser's {@code EventSource} is: it
 * sends the last event id it saw as {@code Last-Event-ID}, keeps every event with the
 * time it arrived, and tells a stream the server closed after its last event from one
 * that was cut (the process died).
 */
final class ProgressStream implements AutoCloseable {

	private static final JsonMapper json = JsonMapper.builder().build();

	private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final String source;

	private final List<Event> events = new CopyOnWriteArrayList<>();

	private final CompletableFuture<End> end = new CompletableFuture<>();

	private volatile InputStream body;

	private ProgressStream(String source) {
		this.source = source;
	}

	/**
	 * Opens {@code GET uri} with the API's credentials and reads it on a thread of its
	 * own.
	 * @param source the name of the instance that serves it, kept with each event
	 * @param lastEventId the id of the last event of an earlier stream, or null
	 */
	static ProgressStream open(URI uri, String authorization, String source, String lastEventId) {
		ProgressStream stream = new ProgressStream(source);
		HttpRequest.Builder request = HttpRequest.newBuilder(uri)
			.header("Authorization", authorization)
			.header("Accept", "text/event-stream")
			.GET();
		if (lastEventId != null) {
			request.header("Last-Event-ID", lastEventId);
		}
		Thread reader = new Thread(() -> stream.read(request.build()), "sse-" + source);
		reader.setDaemon(true);
		reader.start();
		return stream;
	}

	List<Event> events() {
		return List.copyOf(this.events);
	}

	/** How the stream ended, once it has. */
	CompletableFuture<End> end() {
		return this.end;
	}

	private void read(HttpRequest request) {
		try {
			HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
			this.body = response.body();
			if (response.statusCode() != 200) {
				this.end.complete(new End(false, "HTTP " + response.statusCode()));
				return;
			}
			try (BufferedReader lines = new BufferedReader(new InputStreamReader(this.body, StandardCharsets.UTF_8))) {
				String id = null;
				String name = null;
				StringBuilder data = new StringBuilder();
				String line;
				while ((line = lines.readLine()) != null) {
					if (line.isEmpty()) {
						if (!data.isEmpty()) {
							this.events.add(new Event(id, name, json.readTree(data.toString()), System.nanoTime(),
									this.source));
						}
						name = null;
						data.setLength(0);
					}
					else if (line.startsWith("id:")) {
						id = line.substring(3).strip();
					}
					else if (line.startsWith("event:")) {
						name = line.substring(6).strip();
					}
					else if (line.startsWith("data:")) {
						data.append(line.substring(5).strip());
					}
				}
			}
			this.end.complete(new End(true, "closed by the server"));
		}
		catch (IOException ex) {
			this.end.complete(new End(false, ex.toString()));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			this.end.complete(new End(false, "interrupted"));
		}
	}

	@Override
	public void close() {
		InputStream open = this.body;
		if (open != null) {
			try {
				open.close();
			}
			catch (IOException ex) {
				// Closing is all that is asked.
			}
		}
	}

	/**
	 * One event: its id, name and JSON data, when it arrived ({@link System#nanoTime()})
	 * and from where.
	 */
	record Event(String id, String name, JsonNode data, long receivedNanos, String source) {

		String state() {
			return this.data.path("state").asString();
		}

		int percent() {
			return this.data.path("percent").asInt();
		}

	}

	/**
	 * @param closed whether the server ended the stream (after a final state), not a cut
	 * connection
	 */
	record End(boolean closed, String how) {
	}

}
