package org.parley.web.live;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * The benchmark's viewers, in a process of their own so that the web's CPU and heap are
 * the web's: opens N SSE streams with java.net.http (one selector thread, no thread per
 * stream), says {@code CONNECTED} once each has its first line, and from {@code MEASURE}
 * on records, for every comment event, the time from the send instant written in the
 * comment's text ({@code bench t=<epoch micros>}) to its arrival. {@code STOP} prints the
 * percentiles and the client's own CPU.
 * <p>
 * Arguments: the stream's URL and N.
 */
public final class SseLoadClient {

	/** 0.1 ms buckets up to 30 s; the last one holds everything slower. */
	private static final int BUCKETS = 300_000;

	private static final AtomicLongArray histogram = new AtomicLongArray(BUCKETS + 1);

	private static final AtomicLong events = new AtomicLong();

	private static final AtomicInteger ended = new AtomicInteger();

	private static volatile boolean measuring;

	private SseLoadClient() {
	}

	public static void main(String[] args) throws Exception {
		URI uri = URI.create(args[0]);
		int n = Integer.parseInt(args[1]);
		HttpClient http = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.executor(Executors.newFixedThreadPool(2))
			.connectTimeout(Duration.ofSeconds(30))
			.build();
		CountDownLatch connected = new CountDownLatch(n);
		for (int i = 0; i < n; i++) {
			http.sendAsync(HttpRequest.newBuilder(uri).header("Accept", "text/event-stream").build(),
					HttpResponse.BodyHandlers.fromLineSubscriber(new Viewer(connected)))
				.whenComplete((r, failure) -> ended.incrementAndGet());
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
		long cpu = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
			.getProcessCpuTime();
		System.out.printf("RESULT events=%d p50=%.1f p99=%.1f max=%.1f ended=%d cpuSeconds=%.1f%n", events.get(),
				percentile(50), percentile(99), percentile(100), ended.get(), cpu / 1e9);
		System.out.flush();
		System.exit(0);
	}

	private static double percentile(double p) {
		long total = events.get();
		if (total == 0) {
			return Double.NaN;
		}
		long rank = (long) Math.ceil(p / 100.0 * total);
		long seen = 0;
		for (int i = 0; i <= BUCKETS; i++) {
			seen += histogram.get(i);
			if (seen >= rank) {
				return i / 10.0;
			}
		}
		return BUCKETS / 10.0;
	}

	private static final class Viewer implements Flow.Subscriber<String> {

		private final CountDownLatch connected;

		private boolean first = true;

		Viewer(CountDownLatch connected) {
			this.connected = connected;
		}

		@Override
		public void onSubscribe(Flow.Subscription subscription) {
			subscription.request(Long.MAX_VALUE);
		}

		@Override
		public void onNext(String line) {
			if (this.first) {
				this.first = false;
				this.connected.countDown();
			}
			if (!measuring || !line.startsWith("data: ")) {
				return;
			}
			int at = line.indexOf("bench t=");
			if (at < 0) {
				return;
			}
			int from = at + "bench t=".length();
			int to = from;
			while (to < line.length() && Character.isDigit(line.charAt(to))) {
				to++;
			}
			long sent = Long.parseLong(line, from, to, 10);
			long now = ChronoUnit.MICROS.between(Instant.EPOCH, Instant.now());
			int bucket = (int) Math.min(BUCKETS, Math.max(0, (now - sent) / 100));
			histogram.incrementAndGet(bucket);
			events.incrementAndGet();
		}

		@Override
		public void onError(Throwable throwable) {
		}

		@Override
		public void onComplete() {
		}

	}

}
