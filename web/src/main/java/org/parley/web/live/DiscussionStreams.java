package org.parley.web.live;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.parley.domain.live.DiscussionEvent;
import org.parley.domain.live.DiscussionEventLog;
import org.parley.domain.live.DiscussionEventsCommitted;
import org.parley.web.live.EventFrames.Rendered;
import org.parley.web.live.EventFrames.Watched;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DataAccessException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * This instance's live streams, by discussion: one reader per watched discussion, however
 * many people watch it here.
 * <p>
 * A reader runs when a change of its discussion committed in this process (at once), when
 * the poll sees that the log's head moved (changes committed by other instances; one
 * query for all watched discussions), and when the dates changed the discussion's status.
 * It reads the log after the last event it saw, renders the events once and hands the
 * same bytes to every viewer. A discussion's reader never runs on two threads at once,
 * and it is the only one that adds viewers, so a joining viewer neither misses an event
 * nor gets one twice.
 */
@Component
class DiscussionStreams implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(DiscussionStreams.class);

	private static final int PAGE = 500;

	/**
	 * The viewers a writer takes at a time; an audience of two chunks or fewer is written
	 * by the reader alone, quicker than a hand-over.
	 */
	private static final int CHUNK = 125;

	private final Map<UUID, Live> live = new ConcurrentHashMap<>();

	private final DiscussionEventLog events;

	private final EventFrames frames;

	private final LiveSettings settings;

	private final Clock clock;

	private final ScheduledExecutorService readers;

	/** The writers besides the reader; null when the reader writes alone. */
	private final ExecutorService writers;

	private final AtomicInteger viewers = new AtomicInteger();

	private volatile boolean running;

	/** From a change's commit to its frames being handed to the viewers here. */
	private final Timer delay;

	/** From a batch's frames rendered to their bytes handed to every viewer here. */
	private final Timer fanOutTime;

	DiscussionStreams(DiscussionEventLog events, EventFrames frames, LiveSettings settings, Clock clock,
			MeterRegistry meters) {
		this.delay = Timer.builder("parley.live.delay")
			.description("From a discussion change's commit to its SSE frames being written to this instance's viewers")
			.publishPercentiles(0.5, 0.99)
			.register(meters);
		this.fanOutTime = Timer.builder("parley.live.fan-out")
			.description("From a batch of SSE frames rendered to its bytes handed to all of this instance's viewers")
			.publishPercentiles(0.5, 0.99)
			.register(meters);
		this.events = events;
		this.frames = frames;
		this.settings = settings;
		this.clock = clock;
		AtomicInteger n = new AtomicInteger();
		this.readers = Executors.newScheduledThreadPool(settings.threads(), r -> {
			Thread t = new Thread(r, "live-reader-" + n.incrementAndGet());
			t.setDaemon(true);
			return t;
		});
		AtomicInteger w = new AtomicInteger();
		this.writers = (settings.writers() > 1) ? Executors.newFixedThreadPool(settings.writers() - 1, r -> {
			Thread t = new Thread(r, "live-writer-" + w.incrementAndGet());
			t.setDaemon(true);
			return t;
		}) : null;
	}

	/**
	 * Starts a viewer's stream; the request goes async and this returns at once.
	 * @param since the last event the viewer saw, or null to start from now
	 */
	void open(UUID discussionId, Long since, HttpServletRequest request, HttpServletResponse response)
			throws IOException {
		if (!this.running) {
			// Shutting down: the browser retries, on an instance that stays.
			response.sendError(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
			return;
		}
		response.setContentType("text/event-stream");
		response.setCharacterEncoding("UTF-8");
		response.setHeader("Cache-Control", "no-cache, no-store");
		// Proxies such as nginx pass the stream on as it comes.
		response.setHeader("X-Accel-Buffering", "no");
		AsyncContext async = request.startAsync(request, response);
		async.setTimeout(this.settings.timeout().toMillis());
		// Headers now, before the reader may write from its own thread.
		response.flushBuffer();
		Viewer viewer = new Viewer(async, (since != null) ? since : -1, this.settings.maxQueuedBytes());
		this.viewers.incrementAndGet();
		Live[] joined = new Live[1];
		this.live.compute(discussionId, (id, existing) -> {
			Live l = (existing != null) ? existing : new Live(id);
			l.joining.add(viewer);
			joined[0] = l;
			return l;
		});
		viewer.onClose(() -> {
			this.viewers.decrementAndGet();
			joined[0].viewers.remove(viewer);
			wake(joined[0]);
		});
		wake(joined[0]);
	}

	/** How many streams this instance holds. */
	int viewerCount() {
		return this.viewers.get();
	}

	@EventListener
	void committed(DiscussionEventsCommitted committed) {
		committed.discussionIds().forEach(id -> {
			Live l = this.live.get(id);
			if (l != null) {
				wake(l);
			}
		});
	}

	/** The changes other instances committed, and the statuses the dates moved on. */
	@Scheduled(fixedDelayString = "${parley.live.poll-interval:250ms}")
	void poll() {
		if (this.live.isEmpty()) {
			return;
		}
		Map<UUID, Long> heads;
		try {
			heads = this.events.heads(List.copyOf(this.live.keySet()));
		}
		catch (DataAccessException ex) {
			log.warn("Cannot read the live discussions' heads: {}", ex.getMessage());
			return;
		}
		for (Live l : this.live.values()) {
			Watched w = l.watched;
			boolean moved = heads.getOrDefault(l.id, 0L) > l.lastSeq;
			boolean dated = w != null && w.discussion().status(this.clock) != w.status();
			if (moved || dated) {
				wake(l);
			}
		}
	}

	/**
	 * A comment line to each stream that had nothing for half the interval: a discussion
	 * with changes needs none, and 2,000 writes at once would delay its next batch.
	 */
	@Scheduled(fixedDelayString = "${parley.live.heartbeat:20s}")
	void heartbeat() {
		long quiet = this.settings.heartbeat().toNanos() / 2;
		for (Live l : this.live.values()) {
			for (Viewer v : l.viewers) {
				if (v.quietFor(quiet)) {
					v.send(Frame.HEARTBEAT);
				}
			}
		}
	}

	@Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT1M")
	void purge() {
		int purged = this.events.purgeBefore(OffsetDateTime.now(this.clock).minus(this.settings.retention()));
		if (purged > 0) {
			log.info("Purged {} live discussion events older than {}", purged, this.settings.retention());
		}
	}

	private void wake(Live l) {
		if (this.running && l.scheduled.compareAndSet(false, true)) {
			try {
				// A burst of commits shares one run: at most one per min-interval per
				// discussion, so each viewer gets one write, not one per comment.
				long wait = l.lastRunAt + this.settings.minInterval().toNanos() - System.nanoTime();
				this.readers.schedule(() -> read(l), Math.max(0, wait), TimeUnit.NANOSECONDS);
			}
			catch (RejectedExecutionException ex) {
				// stopping: nothing is read any more
			}
		}
	}

	private void read(Live l) {
		// Cleared first, so a wake while this runs runs it again.
		l.scheduled.set(false);
		l.lastRunAt = System.nanoTime();
		synchronized (l) {
			try {
				readLocked(l);
			}
			catch (DataAccessException ex) {
				log.warn("Live discussion {} not read, retried at the next poll: {}", l.id, ex.getMessage());
			}
		}
		// Forgotten once nobody watches, unless someone joined meanwhile.
		this.live.computeIfPresent(l.id, (id, existing) -> existing.isIdle() ? null : existing);
	}

	private void readLocked(Live l) {
		if (l.watched == null) {
			Optional<Watched> w = this.frames.watch(l.id);
			if (w.isEmpty()) {
				closeAll(l);
				return;
			}
			l.watched = w.get();
			l.lastSeq = this.events.head(l.id);
		}
		Viewer joining;
		while ((joining = l.joining.poll()) != null) {
			join(l, joining);
		}
		while (true) {
			List<DiscussionEvent> page = this.events.after(l.id, l.lastSeq, PAGE);
			if (page.isEmpty()) {
				break;
			}
			Rendered rendered = this.frames.render(l.watched, page);
			l.watched = rendered.watched();
			l.lastSeq = page.get(page.size() - 1).seq();
			fanOut(l, rendered.frames(), l.lastSeq);
			this.delay.record(Duration.between(page.get(0).createdAt(), OffsetDateTime.now(this.clock)));
			if (rendered.readershipShrank()) {
				closeAll(l);
				return;
			}
			if (page.size() < PAGE) {
				break;
			}
		}
		if (l.watched.discussion().status(this.clock) != l.watched.status()) {
			l.watched = new Watched(l.watched.discussion(), l.watched.discussion().status(this.clock),
					l.watched.sectionNumbers());
			fanOut(l, List.of(this.frames.status(l.watched, l.lastSeq)), l.lastSeq);
		}
	}

	/**
	 * A new viewer gets where it starts, and a returning one what it missed first; then
	 * it is one of the discussion's viewers.
	 */
	private void join(Live l, Viewer v) {
		if (v.isClosed()) {
			return;
		}
		if (v.position < 0 || v.position == l.lastSeq) {
			v.position = l.lastSeq;
			v.send(Frame.position(l.lastSeq).bytes());
		}
		else if (v.position < l.lastSeq) {
			long missed = l.lastSeq - v.position;
			long oldest = this.events.oldestKept(l.id);
			if (missed > this.settings.replayLimit() || (oldest > 0 && v.position < oldest - 1)) {
				v.send(this.frames.reset(l.lastSeq).bytes());
			}
			else {
				List<DiscussionEvent> replay = this.events.after(l.id, v.position, (int) missed);
				for (Frame f : this.frames.render(l.watched, replay).frames()) {
					v.send(f.bytes());
				}
			}
			v.send(Frame.position(l.lastSeq).bytes());
			v.position = l.lastSeq;
		}
		// A viewer ahead of this reader (it read the page on a quicker instance) skips
		// what it already has.
		l.viewers.add(v);
	}

	/**
	 * The batch's bytes, made once, to every viewer. The viewers are written in chunks
	 * that the reader and the writers take in turn until none is left, and the reader
	 * waits only for the chunks being written: a writer that a busy machine has not
	 * started yet finds nothing left, so it never holds the batch up, and a viewer is
	 * written by one thread at a time and in the order of the batches.
	 */
	private void fanOut(Live l, List<Frame> frames, long last) {
		long began = System.nanoTime();
		Viewer[] viewers = l.viewers.toArray(new Viewer[0]);
		byte[] all = frames.isEmpty() ? null : concatenate(frames);
		Batch batch = new Batch(viewers, frames, all, last);
		if (this.writers != null && all != null && viewers.length > 2 * CHUNK) {
			try {
				for (int w = 1; w < this.settings.writers(); w++) {
					this.writers.execute(batch::writeChunks);
				}
			}
			catch (RejectedExecutionException ex) {
				// stopping: the reader writes alone
			}
		}
		batch.writeChunks();
		batch.awaitWritten();
		if (all != null) {
			this.fanOutTime.record(System.nanoTime() - began, TimeUnit.NANOSECONDS);
		}
	}

	/** One batch's fan-out: the chunks still to take, and those written. */
	private static final class Batch {

		private final Viewer[] viewers;

		private final List<Frame> frames;

		private final byte[] all;

		private final long last;

		private final AtomicInteger next = new AtomicInteger();

		private final java.util.concurrent.CountDownLatch written;

		Batch(Viewer[] viewers, List<Frame> frames, byte[] all, long last) {
			this.viewers = viewers;
			this.frames = frames;
			this.all = all;
			this.last = last;
			this.written = new java.util.concurrent.CountDownLatch((viewers.length + CHUNK - 1) / CHUNK);
		}

		void writeChunks() {
			int from;
			while ((from = this.next.getAndAdd(CHUNK)) < this.viewers.length) {
				try {
					write(this.viewers, from, Math.min(this.viewers.length, from + CHUNK), this.frames, this.all,
							this.last);
				}
				finally {
					this.written.countDown();
				}
			}
		}

		void awaitWritten() {
			try {
				this.written.await();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}

	}

	private static void write(Viewer[] viewers, int from, int to, List<Frame> frames, byte[] all, long last) {
		for (int i = from; i < to; i++) {
			Viewer v = viewers[i];
			if (all != null && v.position < frames.get(0).seq()) {
				v.send(all);
			}
			else if (all != null) {
				// A viewer ahead of this reader (it read the page on a quicker
				// instance) skips what it already has.
				for (Frame f : frames) {
					if (f.seq() > v.position) {
						v.send(f.bytes());
					}
				}
			}
			v.position = Math.max(v.position, last);
		}
	}

	private static byte[] concatenate(List<Frame> frames) {
		if (frames.size() == 1) {
			return frames.get(0).bytes();
		}
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		frames.forEach(f -> out.writeBytes(f.bytes()));
		return out.toByteArray();
	}

	private void closeAll(Live l) {
		for (Viewer v : List.copyOf(l.viewers)) {
			v.close();
		}
		Viewer v;
		while ((v = l.joining.poll()) != null) {
			v.close();
		}
	}

	@Override
	public void start() {
		this.running = true;
	}

	/**
	 * Ends every stream before the web server's graceful shutdown, which would otherwise
	 * wait for them: the browsers reconnect to another instance and lose nothing.
	 */
	@Override
	public void stop() {
		this.running = false;
		this.live.values().forEach(this::closeAll);
		this.readers.shutdownNow();
		if (this.writers != null) {
			this.writers.shutdownNow();
		}
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	/** One watched discussion: its viewers here and how far its reader got. */
	private static final class Live {

		final UUID id;

		final List<Viewer> viewers = new CopyOnWriteArrayList<>();

		final Queue<Viewer> joining = new ConcurrentLinkedQueue<>();

		final AtomicBoolean scheduled = new AtomicBoolean();

		/** {@link System#nanoTime()} of the last run. */
		volatile long lastRunAt = System.nanoTime() - TimeUnit.SECONDS.toNanos(1);

		/** The last event read; written by the reader only. */
		volatile long lastSeq = -1;

		volatile Watched watched;

		Live(UUID id) {
			this.id = id;
		}

		boolean isIdle() {
			return this.viewers.isEmpty() && this.joining.isEmpty();
		}

	}

}
