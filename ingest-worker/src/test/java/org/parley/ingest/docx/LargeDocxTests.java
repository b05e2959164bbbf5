package org.parley.ingest.docx;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.junit.jupiter.api.Test;
import org.parley.domain.outline.Outline;
import org.parley.domain.outline.OutlineSection;
import org.parley.ingest.archive.InflatedArchive;
import org.parley.ingest.odt.OdtReader;
import org.parley.ingest.structure.DocumentPart;
import org.parley.ingest.structure.MarkupStructurer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.parley.ingest.OutlineAssert.assertSameOutline;

/**
 * Large Word drafts: 434 pages with 1,001 sections, read within the budgets, and a
 * statute whose boilerplate compresses better than POI's zip-bomb ratio allows (it was
 * refused as DOCX_UNREADABLE), yet is a few megabytes, far inside the absolute budgets.
 */
class LargeDocxTests {

	private static final LargeDraftDocx DRAFT = LargeDraftDocx.make();

	@Test
	void draftOf434PagesImportsWithAll1001SectionsWithinTheBudgets() throws IOException {
		byte[] docx = DRAFT.bytes();
		long inflated = inflatedSize(docx, "word/document.xml");
		long compressed = compressedSize(docx, "word/document.xml");
		assertThat(inflated).isLessThan(InflatedArchive.MAX_ENTRY_BYTES / 4);

		resetPeaks();
		long start = System.nanoTime();
		List<DocumentPart> parts = new DocxReader().read(new ByteArrayInputStream(docx));
		Outline outline = new MarkupStructurer().structure(parts);
		long millis = (System.nanoTime() - start) / 1_000_000;

		assertThat(outline.sections()).hasSize(1001);
		assertSameOutline(outline, DRAFT.expectedOutline());
		assertThat(outline.sections()).extracting(OutlineSection::label)
			.contains("Strategic Goal 1:", "1.1.", "1.3.", "Strategic Goal 2:", "2.5.", "Strategic Goal 200:",
					"200.5.");
		long words = outline.sections()
			.stream()
			.flatMap(s -> s.blocks().stream())
			.mapToLong(b -> b.text().split("\\s+").length)
			.sum();
		System.out.printf(
				"434-page DOCX: %d KB file, document.xml %d KB inflated (ratio %.4f), %d words, "
						+ "%d sections in %d ms, peak heap %d MB%n",
				docx.length / 1024, inflated / 1024, (double) compressed / inflated, words, outline.sections().size(),
				millis, peakHeapMegabytes());
		assertThat(words).isBetween(300_000L, 330_000L);
	}

	@Test
	void libreOfficesOdtOfTheLargeDraftGivesTheSameOutline() throws IOException {
		try (InputStream in = Files.newInputStream(Path.of("src/test/resources/odt/large-434p.odt"))) {
			Outline outline = new MarkupStructurer().structure(new OdtReader().read(in));

			assertSameOutline(outline, DRAFT.expectedOutline());
		}
	}

	@Test
	void draftThatCompressesBetterThanAHundredToOneIsReadNotTakenForAZipBomb() throws IOException {
		LargeDraftDocx statute = LargeDraftDocx.boilerplate(1001);
		byte[] docx = statute.bytes();
		long inflated = inflatedSize(docx, "word/document.xml");
		double ratio = (double) compressedSize(docx, "word/document.xml") / inflated;
		assertThat(ratio)
			.as("compression ratio, which POI calls a zip bomb below %s", ZipSecureFile.getMinInflateRatio())
			.isLessThan(ZipSecureFile.getMinInflateRatio());

		Outline outline = new MarkupStructurer().structure(new DocxReader().read(new ByteArrayInputStream(docx)));

		assertSameOutline(outline, statute.expectedOutline());
		assertThat(outline.sections()).last().extracting(OutlineSection::label).isEqualTo("Article 1001.");
	}

	private static long inflatedSize(byte[] zip, String name) throws IOException {
		try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
			for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
				if (entry.getName().equals(name)) {
					return in.readAllBytes().length;
				}
			}
		}
		throw new IllegalStateException("No " + name);
	}

	/** The entry's compressed size, from its local header once read. */
	private static long compressedSize(byte[] zip, String name) throws IOException {
		try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
			for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
				if (entry.getName().equals(name)) {
					in.readAllBytes();
					return entry.getCompressedSize();
				}
			}
		}
		throw new IllegalStateException("No " + name);
	}

	private static void resetPeaks() {
		System.gc();
		ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
	}

	private static long peakHeapMegabytes() {
		return ManagementFactory.getMemoryPoolMXBeans()
			.stream()
			.filter(p -> p.getType() == MemoryType.HEAP)
			.mapToLong(p -> p.getPeakUsage().getUsed())
			.sum() / (1024 * 1024);
	}

}
