package org.parley.ingest.benchmark;

import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.parley.domain.imports.DocumentImport;
import org.parley.domain.imports.DocumentImportRepository;
import org.parley.domain.imports.ImportState;
import org.parley.domain.messaging.ImportRequested;
import org.parley.domain.messaging.Topology;
import org.parley.domain.organiser.Organiser;
import org.parley.domain.organiser.OrganiserRepository;
import org.parley.domain.test.TestInfrastructure;
import org.parley.ingest.IngestWorkerApplication;

import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Import of the 131-page sample against raw PDFBox {@code getText} of the same file,
 * warm, in the same run: from the request on the broker to the discussion saved. Run it
 * on purpose with
 * {@code ./mvnw -pl ingest-worker verify -Dgroups=benchmark -Dsurefire.excludedGroups=};
 * it prints the figures and asserts only that every import succeeded.
 */
@Tag("benchmark")
@SpringBootTest(classes = IngestWorkerApplication.class, webEnvironment = SpringBootTest.WebEnvironment.NONE,
		properties = "spring.config.name=" + IngestWorkerApplication.CONFIG_NAME)
class ImportBenchmarkTests {

	private static final int WARMUP = 3;

	private static final int MEASURED = 7;

	@DynamicPropertySource
	static void infrastructure(DynamicPropertyRegistry registry) {
		TestInfrastructure.register(registry);
	}

	@Autowired
	DocumentImportRepository imports;

	@Autowired
	OrganiserRepository organisers;

	@Autowired
	RabbitTemplate rabbit;

	@Test
	void importOf131PagesAgainstRawPdfBox() throws IOException {
		Path pdf = Files.createTempFile("bench", ".pdf");
		try (InputStream in = getClass().getResourceAsStream("/samples/large-131p/doc.pdf")) {
			Files.copy(in, pdf, StandardCopyOption.REPLACE_EXISTING);
		}
		byte[] content = Files.readAllBytes(pdf);
		UUID organiser = UUID.randomUUID();
		this.organisers.add(new Organiser(organiser, organiser + "@bench.test", "{noop}x", "B", OffsetDateTime.now()));

		for (int i = 0; i < WARMUP; i++) {
			rawPdfBox(pdf);
			importThroughTheBroker(organiser, content);
		}
		List<Long> raw = new ArrayList<>();
		List<Long> ours = new ArrayList<>();
		resetPeaks();
		for (int i = 0; i < MEASURED; i++) {
			raw.add(rawPdfBox(pdf));
			ours.add(importThroughTheBroker(organiser, content));
		}
		long peakHeap = ManagementFactory.getMemoryPoolMXBeans()
			.stream()
			.filter(p -> p.getType() == MemoryType.HEAP)
			.mapToLong(p -> p.getPeakUsage().getUsed())
			.sum();
		long rawMedian = median(raw);
		long oursMedian = median(ours);
		System.out.printf("%nBENCHMARK 131-page sample, %d warm runs each (median, ms)%n", MEASURED);
		System.out.printf("  raw PDFBox PDFTextStripper.getText : %d  %s%n", rawMedian / 1_000_000, millis(raw));
		System.out.printf("  Parley import, request → saved     : %d  %s%n", oursMedian / 1_000_000, millis(ours));
		System.out.printf("  ratio                              : %.2f×%n", (double) oursMedian / rawMedian);
		System.out.printf("  peak heap of the worker JVM         : %d MB (max %d MB)%n", peakHeap / (1024 * 1024),
				Runtime.getRuntime().maxMemory() / (1024 * 1024));
		Files.deleteIfExists(pdf);
	}

	private long importThroughTheBroker(UUID organiser, byte[] content) {
		DocumentImport documentImport = DocumentImport.uploaded(organiser, "doc.pdf", "application/pdf", null,
				OffsetDateTime.now());
		this.imports.add(documentImport, content);
		long start = System.nanoTime();
		this.rabbit.convertAndSend(Topology.WORK_EXCHANGE, Topology.IMPORT_REQUESTED,
				new ImportRequested(UUID.randomUUID(), documentImport.id(), OffsetDateTime.now()));
		await().atMost(Duration.ofMinutes(2))
			.pollInterval(Duration.ofMillis(5))
			.until(() -> this.imports.findById(documentImport.id()).orElseThrow().state().isFinal());
		long elapsed = System.nanoTime() - start;
		assertThat(this.imports.findById(documentImport.id()).orElseThrow().state()).isEqualTo(ImportState.SUCCEEDED);
		return elapsed;
	}

	private static long rawPdfBox(Path pdf) throws IOException {
		long start = System.nanoTime();
		try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
			String text = new PDFTextStripper().getText(document);
			assertThat(text).isNotEmpty();
		}
		return System.nanoTime() - start;
	}

	private static void resetPeaks() {
		System.gc();
		ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
	}

	private static long median(List<Long> values) {
		List<Long> sorted = new ArrayList<>(values);
		Collections.sort(sorted);
		return sorted.get(sorted.size() / 2);
	}

	private static List<Long> millis(List<Long> nanos) {
		return nanos.stream().map(n -> n / 1_000_000).toList();
	}

}
