package org.parley.web.progress;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.function.LongSupplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.MediaType;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The open SSE streams of this web instance for one kind of long work, by the work's id.
 * A stream starts with the work as it is now, gets its state again, read from the
 * database, on every progress event and every sweep, and closes after a final state.
 * <p>
 * A read that takes long is not repeated at once: the next waits {@value #QUIET_FACTOR}
 * times as long as the last took, and the events meanwhile are left to the read after it
 * or to the sweep. Counting the ledger of 100,000 invitees takes about 25 ms (and as much
 * again in PostgreSQL's parallel workers); at four events a second that kept a sixth of a
 * core busy for every batch someone watched, and ten times as much at a million.
 *
 * @param <V> what one event carries: the same JSON as the work's GET
 */
public class ProgressStreams<V extends ProgressStreams.Progress> {

	private static final Logger log = LoggerFactory.getLogger(ProgressStreams.class);

	private static final Duration TIMEOUT = Duration.ofMinutes(30);

	/** How many times as long as a read took the stream waits before it reads again. */
	static final int QUIET_FACTOR = 20;

	private final Map<UUID, Stream<V>> streams = new ConcurrentHashMap<>();

	private final String eventName;

	private final Class<?> announcedBy;

	private final Function<UUID, Optional<V>> load;

	private final LongSupplier nanoTime;

	/**
	 * @param eventName the SSE event's name
	 * @param announcedBy the type of the workers' message that says this kind of work
	 * moved on
	 * @param load reads the work as it is now from the database, by its id
	 */
	protected ProgressStreams(String eventName, Class<?> announcedBy, Function<UUID, Optional<V>> load) {
		this(eventName, announcedBy, load, System::nanoTime);
	}

	ProgressStreams(String eventName, Class<?> announcedBy, Function<UUID, Optional<V>> load, LongSupplier nanoTime) {
		this.eventName = eventName;
		this.announcedBy = announcedBy;
		this.load = load;
		this.nanoTime = nanoTime;
	}

	/**
	 * Whether a worker's message of this type announces a change of this kind of work.
	 */
	boolean isAnnouncedBy(Class<?> messageType) {
		return this.announcedBy.equals(messageType);
	}

	public SseEmitter open(V current) {
		SseEmitter emitter = new SseEmitter(TIMEOUT.toMillis());
		if (!send(emitter, current) || current.isFinished()) {
			emitter.complete();
			return emitter;
		}
		Stream<V> stream = this.streams.computeIfAbsent(current.id(), id -> new Stream<>(this.nanoTime.getAsLong()));
		stream.emitters.add(emitter);
		if (stream.last == null) {
			stream.last = current;
		}
		Runnable remove = () -> stream.emitters.remove(emitter);
		emitter.onCompletion(remove);
		emitter.onTimeout(remove);
		emitter.onError(error -> remove.run());
		// The work may have moved on between the read and the registration.
		refresh(current.id());
		return emitter;
	}

	/** Pushes the work's current state to its streams. */
	public void refresh(UUID id) {
		Stream<V> stream = this.streams.get(id);
		if (stream == null || stream.emitters.isEmpty()) {
			return;
		}
		long start = this.nanoTime.getAsLong();
		if (start - stream.nextReadAt < 0) {
			return;
		}
		Optional<V> read = this.load.apply(id);
		stream.nextReadAt = start + QUIET_FACTOR * (this.nanoTime.getAsLong() - start);
		read.ifPresent(view -> {
			synchronized (stream) {
				if (view.equals(stream.last) && !view.isFinished()) {
					return;
				}
				stream.last = view;
				for (SseEmitter emitter : stream.emitters) {
					if (!send(emitter, view) || view.isFinished()) {
						emitter.complete();
						stream.emitters.remove(emitter);
					}
				}
			}
			if (view.isFinished()) {
				this.streams.remove(id, stream);
			}
		});
	}

	@Scheduled(fixedDelayString = "${parley.progress.sweep-interval:2s}")
	void sweep() {
		for (UUID id : List.copyOf(this.streams.keySet())) {
			refresh(id);
		}
	}

	private boolean send(SseEmitter emitter, V view) {
		try {
			SseEmitter.SseEventBuilder event = SseEmitter.event().name(this.eventName);
			String id = view.eventId();
			if (id != null) {
				event.id(id);
			}
			emitter.send(event.data(view, MediaType.APPLICATION_JSON));
			return true;
		}
		catch (IOException | IllegalStateException ex) {
			log.debug("SSE client of {} {} went away: {}", this.eventName, view.id(), ex.getMessage());
			return false;
		}
	}

	/** What every progress view tells the streams. */
	public interface Progress {

		UUID id();

		boolean isFinished();

		/**
		 * The SSE event id of this state, or null for none: a client that reconnects
		 * sends the last one back.
		 */
		default String eventId() {
			return null;
		}

	}

	private static final class Stream<V> {

		final List<SseEmitter> emitters = new CopyOnWriteArrayList<>();

		volatile V last;

		/** {@link System#nanoTime()} before which the work is not read again. */
		volatile long nextReadAt;

		Stream(long now) {
			this.nextReadAt = now;
		}

	}

}
