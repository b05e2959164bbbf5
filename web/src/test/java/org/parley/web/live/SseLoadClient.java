package org.parley.web.live;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Iterator;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The benchmark's viewers, in a process of their own so that the web's CPU and heap are
 * the web's: opens N SSE streams on one selector thread, says {@code CONNECTED} once each
 * has its first bytes, and from {@code MEASURE} on records, for every comment event, the
 * time from the send instant written in the comment's text ({@code bench t=<epoch
 * micros>}) to its arrival. {@code STOP} prints the percentiles and the client's own CPU.
 * <p>
 * The streams are read as bytes, chunked transfer coding undone and the marker looked for
 * in place, without decoding lines into strings: the client shares the machine's two
 * cores with the web it measures, and java.net.http's line subscriber, which this client
 * used at first, spent as much CPU decoding 1.2 million events as the web spent sending
 * them.
 * <p>
 * Arguments: the stream's URL and N.
 */
public final class SseLoadClient {

	/** 0.1 ms buckets up to 30 s; the last one holds everything slower. */
	private static final int BUCKETS = 300_000;

	private static final long[] histogram = new long[BUCKETS + 1];

	private static final AtomicLong events = new AtomicLong();

	private static final AtomicInteger ended = new AtomicInteger();

	private static volatile boolean measuring;

	private static volatile boolean stopped;

	private static final byte[] MARKER = "bench t=".getBytes(StandardCharsets.US_ASCII);

	private SseLoadClient() {
	}

	public static void main(String[] args) throws Exception {
		URI uri = URI.create(args[0]);
		int n = Integer.parseInt(args[1]);
		InetSocketAddress address = new InetSocketAddress(uri.getHost(), uri.getPort());
		byte[] request = ("GET " + uri.getRawPath() + " HTTP/1.1\r\nHost: " + uri.getHost() + ":" + uri.getPort()
				+ "\r\nAccept: text/event-stream\r\n\r\n")
			.getBytes(StandardCharsets.US_ASCII);
		CountDownLatch connected = new CountDownLatch(n);
		Selector selector = Selector.open();
		Thread reader = new Thread(() -> read(selector, connected), "sse-viewers");
		reader.setDaemon(true);
		reader.start();
		for (int i = 0; i < n; i++) {
			SocketChannel channel = SocketChannel.open(address);
			channel.write(ByteBuffer.wrap(request));
			channel.configureBlocking(false);
			Stream stream = new Stream();
			synchronized (SseLoadClient.class) {
				pending.add(new Object[] { channel, stream });
			}
			selector.wakeup();
			if (i % 100 == 99) {
				// In steps, so the accept backlog never overflows.
				connected.await(100, TimeUnit.MILLISECONDS);
			}
		}
		if (!connected.await(120, TimeUnit.SECONDS)) {
			System.out.println("FAILED connected=" + (n - connected.getCount()));
		}
		System.out.println("CONNECTED " + n);
		BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
		String line;
		while ((line = in.readLine()) != null) {
			if (line.equals("MEASURE")) {
				measuring = true;
			}
			else if (line.equals("STOP")) {
				measuring = false;
				break;
			}
		}
		stopped = true;
		selector.wakeup();
		reader.join(5000);
		long cpu = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
			.getProcessCpuTime();
		System.out.printf("RESULT events=%d p50=%.1f p99=%.1f max=%.1f ended=%d cpuSeconds=%.1f%n", events.get(),
				percentile(50), percentile(99), percentile(100), ended.get(), cpu / 1e9);
		System.out.flush();
		System.exit(0);
	}

	/** Channels opened by main, registered by the reader thread. */
	private static final java.util.List<Object[]> pending = new java.util.ArrayList<>();

	private static void read(Selector selector, CountDownLatch connected) {
		ByteBuffer buffer = ByteBuffer.allocateDirect(64 * 1024);
		byte[] bytes = new byte[64 * 1024];
		try {
			while (!stopped) {
				synchronized (SseLoadClient.class) {
					for (Object[] p : pending) {
						((SocketChannel) p[0]).register(selector, SelectionKey.OP_READ, p[1]);
					}
					pending.clear();
				}
				selector.select(100);
				long now = ChronoUnit.MICROS.between(Instant.EPOCH, Instant.now());
				Iterator<SelectionKey> keys = selector.selectedKeys().iterator();
				while (keys.hasNext()) {
					SelectionKey key = keys.next();
					keys.remove();
					Stream stream = (Stream) key.attachment();
					SocketChannel channel = (SocketChannel) key.channel();
					buffer.clear();
					int read;
					try {
						read = channel.read(buffer);
					}
					catch (IOException ex) {
						read = -1;
					}
					if (read < 0) {
						key.cancel();
						channel.close();
						ended.incrementAndGet();
						continue;
					}
					if (!stream.connected) {
						stream.connected = true;
						connected.countDown();
					}
					buffer.flip();
					buffer.get(bytes, 0, read);
					stream.take(bytes, read, now);
				}
			}
		}
		catch (IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

	private static void record(long sent, long now) {
		if (!measuring) {
			return;
		}
		int bucket = (int) Math.min(BUCKETS, Math.max(0, (now - sent) / 100));
		histogram[bucket]++;
		events.incrementAndGet();
	}

	private static double percentile(double p) {
		long total = events.get();
		if (total == 0) {
			return Double.NaN;
		}
		long rank = (long) Math.ceil(p / 100.0 * total);
		long seen = 0;
		for (int i = 0; i <= BUCKETS; i++) {
			seen += histogram[i];
			if (seen >= rank) {
				return i / 10.0;
			}
		}
		return BUCKETS / 10.0;
	}

	/**
	 * One stream's reading state: the response head, then chunks ({@code size CRLF data
	 * CRLF}); in the chunks' data, the marker and its digits, which a read or a chunk may
	 * cut anywhere.
	 */
	private static final class Stream {

		boolean connected;

		/** Bytes of the head still to pass: the head ends with an empty line. */
		private int headEnd;

		private boolean inHead = true;

		/** In data: bytes of the chunk left; -1 while its size line is read. */
		private int chunkLeft = -1;

		/** The data CRLF after a chunk, still to skip. */
		private int crlfLeft;

		private int size;

		/** How much of the marker matched so far; past it, the digits are read. */
		private int matched;

		private long digits;

		private boolean inDigits;

		void take(byte[] b, int length, long now) {
			for (int i = 0; i < length; i++) {
				byte c = b[i];
				if (this.inHead) {
					// "\r\n\r\n" ends it
					this.headEnd = (c == '\r' || c == '\n') ? this.headEnd + 1 : 0;
					if (this.headEnd == 4) {
						this.inHead = false;
					}
				}
				else if (this.crlfLeft > 0) {
					this.crlfLeft--;
				}
				else if (this.chunkLeft < 0) {
					if (c == '\n' && this.size == 0) {
						// the last chunk: the stream ends, and the socket with it
						this.crlfLeft = 2;
					}
					else if (c == '\n') {
						this.chunkLeft = this.size;
						this.size = 0;
					}
					else if (c != '\r') {
						this.size = this.size * 16 + Character.digit(c, 16);
					}
				}
				else {
					data(c, now);
					if (--this.chunkLeft == 0) {
						this.chunkLeft = -1;
						this.crlfLeft = 2;
					}
				}
			}
		}

		private void data(byte c, long now) {
			if (this.inDigits) {
				if (c >= '0' && c <= '9') {
					this.digits = this.digits * 10 + (c - '0');
					return;
				}
				record(this.digits, now);
				this.inDigits = false;
				this.digits = 0;
			}
			if (c == MARKER[this.matched]) {
				if (++this.matched == MARKER.length) {
					this.matched = 0;
					this.inDigits = true;
				}
			}
			else {
				this.matched = (c == MARKER[0]) ? 1 : 0;
			}
		}

	}

}
