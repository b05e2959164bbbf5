package org.parley.ingest.hostile;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.domain.imports.DocumentRejected;
import org.parley.ingest.pdf.ExtractedDocument;
import org.parley.ingest.pdf.PageProgress;
import org.parley.ingest.pdf.PdfTextExtractor;
import org.parley.ingest.structure.DocumentStructurer;
import org.slf4j.LoggerFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Feeds mutated samples to the extractor and the structurer: every case must end, within
 * the per-document time limit plus a margin, either with an outline or with one of our
 * problems. No other exception, no hang, no OutOfMemoryError. The seed makes every run
 * the same; change it with {@code -Dparley.fuzz.seed=…}. The long form runs with the
 * benchmarks.
 */
class PdfFuzzTests {

	private static final long SEED = Long.getLong("parley.fuzz.seed", 20261127L);

	private static final Duration TIME_LIMIT = Duration.ofSeconds(10);

	private static final Duration HANG = TIME_LIMIT.plusSeconds(20);

	private static final List<String> SMALL = List.of("ogp-draft-strategy/doc-office.pdf",
			"ogp-draft-strategy/doc-chromium.pdf");

	private static final String LARGE = "large-131p/doc.pdf";

	@TempDir
	Path directory;

	/**
	 * PDFBox warns about every repair it makes; thousands of damaged files would flood
	 * the log.
	 */
	@BeforeAll
	static void quietPdfBox() {
		pdfBoxLog().setLevel(Level.ERROR);
	}

	@AfterAll
	static void restorePdfBoxLog() {
		pdfBoxLog().setLevel(null);
	}

	private static Logger pdfBoxLog() {
		return (Logger) LoggerFactory.getLogger("org.apache.pdfbox");
	}

	@Test
	void mutatedSamplesAreReadOrRejectedNeverCrashOrHang() throws Exception {
		fuzz(Integer.getInteger("parley.fuzz.cases", 200), Integer.getInteger("parley.fuzz.first", 0), false);
	}

	@Test
	@Tag("benchmark")
	void longFuzzRunOnAllSamples() throws Exception {
		fuzz(Integer.getInteger("parley.fuzz.long-cases", 3000), Integer.getInteger("parley.fuzz.first", 0), true);
	}

	private void fuzz(int cases, int first, boolean withLarge) throws Exception {
		List<byte[]> samples = new ArrayList<>();
		SMALL.forEach(s -> samples.add(HostileDocuments.sample(s)));
		byte[] large = withLarge ? HostileDocuments.sample(LARGE) : null;
		PdfTextExtractor extractor = new PdfTextExtractor(2000, TIME_LIMIT);
		Map<String, Integer> outcomes = new TreeMap<>();
		List<String> failures = new ArrayList<>();
		long slowest = 0;
		ExecutorService executor = Executors.newSingleThreadExecutor(daemon());
		try {
			for (int i = first; i < first + cases; i++) {
				PdfMutator mutator = new PdfMutator(SEED + i);
				byte[] original = (large != null && i % 10 == 9) ? large : samples.get(i % samples.size());
				Path file = this.directory.resolve("case-" + i + ".pdf");
				Files.write(file, mutator.mutate(original));
				long start = System.nanoTime();
				Future<String> outcome = executor.submit(() -> readAndStructure(extractor, file));
				try {
					outcomes.merge(outcome.get(HANG.toMillis(), TimeUnit.MILLISECONDS), 1, Integer::sum);
				}
				catch (TimeoutException ex) {
					failures.add(describe(i, mutator, "no answer after " + HANG));
					outcome.cancel(true);
					executor.shutdownNow();
					executor = Executors.newSingleThreadExecutor(daemon());
				}
				catch (ExecutionException ex) {
					failures.add(describe(i, mutator, ex.getCause() + " at " + List.of(ex.getCause().getStackTrace())
						.subList(0, Math.min(6, ex.getCause().getStackTrace().length))));
					outcomes.merge("CRASH", 1, Integer::sum);
				}
				slowest = Math.max(slowest, System.nanoTime() - start);
				Files.delete(file);
			}
		}
		finally {
			executor.shutdownNow();
		}
		System.out.printf("PDF fuzz, seed %d, %d cases: %s; slowest case %d ms%n", SEED, cases, outcomes,
				slowest / 1_000_000);
		assertThat(failures).as("cases that crashed or hung").isEmpty();
	}

	/**
	 * Our problems are answers; anything else, including an Error, escapes as a crash.
	 */
	private static String readAndStructure(PdfTextExtractor extractor, Path file) {
		try {
			ExtractedDocument document = extractor.extract(file, PageProgress.NONE);
			new DocumentStructurer().structure(document);
			return "read";
		}
		catch (DocumentRejected ex) {
			return ex.problem().code();
		}
	}

	private static String describe(int i, PdfMutator mutator, String what) {
		return "case " + i + " (seed " + (SEED + i) + ", " + mutator.applied() + "): " + what;
	}

	private static java.util.concurrent.ThreadFactory daemon() {
		return runnable -> {
			Thread thread = new Thread(runnable, "pdf-fuzz");
			thread.setDaemon(true);
			return thread;
		};
	}

}
