package org.parley.web.live;

import java.io.IOException;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One viewer's SSE stream, written without blocking (Servlet non-blocking output): the
 * reader hands it frames, and they are written while the connection takes them and queued
 * while it does not. Only one thread writes at a time, and none waits on a socket, so a
 * viewer on a slow line delays no other viewer; one whose queue outgrows its bound is
 * closed, and its browser reconnects and is given what it missed from the log.
 */
final class Viewer implements WriteListener, AsyncListener {

	private static final Logger log = LoggerFactory.getLogger(Viewer.class);

	private final AsyncContext async;

	private final ServletOutputStream out;

	private final int maxQueuedBytes;

	private final Queue<byte[]> queue = new ConcurrentLinkedQueue<>();

	private final AtomicInteger queuedBytes = new AtomicInteger();

	private final AtomicBoolean writing = new AtomicBoolean();

	private final AtomicBoolean closed = new AtomicBoolean();

	/** Set when the container says the connection takes data again. */
	private volatile boolean writable;

	/**
	 * Written but not flushed; touched by the thread that holds {@link #writing} only.
	 */
	private boolean unflushed;

	/** {@link System#nanoTime()} of the last flush. */
	private volatile long lastWrite = System.nanoTime();

	/** Where a container without non-blocking output (a mock) writes as it is handed. */
	private final boolean blocking;

	private volatile Runnable onClose = () -> {
	};

	/**
	 * The number of the last event this viewer was given (or skips to); touched by its
	 * discussion's reader, and by a writer the reader waits for.
	 */
	long position;

	Viewer(AsyncContext async, long position, int maxQueuedBytes) throws IOException {
		this.async = async;
		this.out = async.getResponse().getOutputStream();
		this.position = position;
		this.maxQueuedBytes = maxQueuedBytes;
		async.addListener(this);
		boolean nonBlocking = true;
		try {
			this.out.setWriteListener(this);
		}
		catch (UnsupportedOperationException ex) {
			nonBlocking = false;
		}
		this.blocking = !nonBlocking;
	}

	void onClose(Runnable onClose) {
		this.onClose = onClose;
	}

	boolean isClosed() {
		return this.closed.get();
	}

	/** Queues a frame and writes what the connection takes now. */
	void send(byte[] frame) {
		if (this.closed.get()) {
			return;
		}
		if (this.queuedBytes.addAndGet(frame.length) > this.maxQueuedBytes) {
			log.debug("Live viewer too slow, {} bytes waiting: closed so that it resumes from the log",
					this.queuedBytes.get());
			close();
			return;
		}
		this.queue.add(frame);
		drain();
	}

	@Override
	public void onWritePossible() {
		this.writable = true;
		drain();
	}

	private void drain() {
		boolean again;
		do {
			if (!this.writing.compareAndSet(false, true)) {
				// The writer now will see the frame, or the signal, when it lets go.
				return;
			}
			this.writable = false;
			boolean stalled;
			try {
				stalled = writeWhatFits();
			}
			catch (IOException | IllegalStateException ex) {
				log.debug("Live viewer went away: {}", ex.getMessage());
				this.writing.set(false);
				close();
				return;
			}
			this.writing.set(false);
			again = !this.closed.get() && (this.writable || (!stalled && !this.queue.isEmpty()));
		}
		while (again);
	}

	/**
	 * One frame per write, each after the container said it takes one, and one flush when
	 * the queue is empty: the one system call per viewer per batch.
	 * @return whether the connection stopped taking data, so the container calls back
	 */
	private boolean writeWhatFits() throws IOException {
		while (true) {
			if (!this.blocking && !this.out.isReady()) {
				return true;
			}
			byte[] frame = this.queue.poll();
			if (frame == null) {
				if (this.unflushed) {
					this.unflushed = false;
					this.out.flush();
					this.lastWrite = System.nanoTime();
					continue;
				}
				return false;
			}
			this.queuedBytes.addAndGet(-frame.length);
			this.out.write(frame);
			this.unflushed = true;
		}
	}

	/** Whether nothing was written to this stream for this long. */
	boolean quietFor(long nanos) {
		return System.nanoTime() - this.lastWrite >= nanos;
	}

	/** Ends the stream; the browser reconnects by itself. */
	void close() {
		if (this.closed.compareAndSet(false, true)) {
			this.queue.clear();
			try {
				this.async.complete();
			}
			catch (IllegalStateException ex) {
				// already completed by the container
			}
			this.onClose.run();
		}
	}

	@Override
	public void onError(Throwable t) {
		close();
	}

	@Override
	public void onComplete(AsyncEvent event) {
		close();
	}

	@Override
	public void onTimeout(AsyncEvent event) {
		close();
	}

	@Override
	public void onError(AsyncEvent event) {
		close();
	}

	@Override
	public void onStartAsync(AsyncEvent event) {
	}

}
