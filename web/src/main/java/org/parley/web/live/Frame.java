package org.parley.web.live;

import java.nio.charset.StandardCharsets;

/**
 * One SSE event as the bytes every viewer is sent: rendered once, however many viewers.
 *
 * @param seq the event's number: its SSE {@code id}
 */
record Frame(long seq, byte[] bytes) {

	static Frame of(long seq, String event, String json) {
		// JSON written compactly holds no line break, so it is one data line.
		return new Frame(seq,
				("id: " + seq + "\nevent: " + event + "\ndata: " + json + "\n\n").getBytes(StandardCharsets.UTF_8));
	}

	/** Moves the browser's last event id without an event: where a new viewer starts. */
	static Frame position(long seq) {
		return new Frame(seq, ("retry: 2000\nid: " + seq + "\n\n").getBytes(StandardCharsets.UTF_8));
	}

	static final byte[] HEARTBEAT = ":\n\n".getBytes(StandardCharsets.UTF_8);

}
