package org.parley.web.live;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Flow;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * A lean SSE client on java.net.http: no thread per stream, the lines parsed as they come
 * (the event stream format of the HTML standard: id, event, data, comments).
 */
final class SseClient {

	private SseClient() {
	}

	/** What a block with an id and no data is collected as: where the stream stands. */
	static final String POSITION = "position";

	/** An event as a browser's EventSource would dispatch it. */
	record Event(String id, String name, String data) {
	}

	/**
	 * Opens a stream; each event goes to {@code events}.
	 * @param lastEventId sent as {@code Last-Event-ID}, or null
	 */
	static CompletableFuture<HttpResponse<Void>> open(HttpClient client, URI uri, String lastEventId,
			Consumer<Event> events) {
		HttpRequest.Builder request = HttpRequest.newBuilder(uri).header("Accept", "text/event-stream").GET();
		if (lastEventId != null) {
			request.header("Last-Event-ID", lastEventId);
		}
		return client.sendAsync(request.build(), HttpResponse.BodyHandlers.fromLineSubscriber(new Parser(events)));
	}

	/** A stream whose events are collected, for tests to wait on. */
	static final class Collected {

		final BlockingQueue<Event> queue = new LinkedBlockingQueue<>();

		final List<Event> all = new CopyOnWriteArrayList<>();

		final CompletableFuture<HttpResponse<Void>> response;

		Collected(HttpClient client, URI uri, String lastEventId) {
			this.response = open(client, uri, lastEventId, e -> {
				this.all.add(e);
				this.queue.add(e);
			});
		}

		/** The next event named {@code name}, skipping others, or null after the wait. */
		Event next(String name, Duration wait) throws InterruptedException {
			long end = System.nanoTime() + wait.toNanos();
			while (true) {
				long left = end - System.nanoTime();
				if (left <= 0) {
					return null;
				}
				Event e = this.queue.poll(left, TimeUnit.NANOSECONDS);
				if (e == null) {
					return null;
				}
				if (e.name().equals(name)) {
					return e;
				}
			}
		}

		void close() {
			this.response.cancel(true);
		}

	}

	private static final class Parser implements Flow.Subscriber<String> {

		private final Consumer<Event> events;

		private String id;

		private String name = "message";

		private StringBuilder data;

		private boolean idInBlock;

		Parser(Consumer<Event> events) {
			this.events = events;
		}

		@Override
		public void onSubscribe(Flow.Subscription subscription) {
			subscription.request(Long.MAX_VALUE);
		}

		@Override
		public void onNext(String line) {
			if (line.isEmpty()) {
				if (this.data != null) {
					this.events.accept(new Event(this.id, this.name, this.data.toString()));
				}
				else if (this.idInBlock) {
					// No event for a browser, only its last event id moves: shown here
					// as "position".
					this.events.accept(new Event(this.id, POSITION, null));
				}
				this.idInBlock = false;
				this.name = "message";
				this.data = null;
				return;
			}
			if (line.startsWith(":")) {
				return;
			}
			int colon = line.indexOf(':');
			String field = (colon < 0) ? line : line.substring(0, colon);
			String value = (colon < 0) ? "" : line.substring(colon + 1);
			if (value.startsWith(" ")) {
				value = value.substring(1);
			}
			switch (field) {
				case "id" -> {
					this.id = value;
					this.idInBlock = true;
				}
				case "event" -> this.name = value;
				case "data" ->
					this.data = (this.data == null) ? new StringBuilder(value) : this.data.append('\n').append(value);
				default -> {
				}
			}
		}

		@Override
		public void onError(Throwable throwable) {
		}

		@Override
		public void onComplete() {
		}

	}

}
