package org.parley.ingest.pdf;

import java.io.IOException;
import java.io.InputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.NoSuchElementException;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.IOUtils;
import org.apache.pdfbox.io.RandomAccessStreamCache.StreamCacheCreateFunction;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentCatalog;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDMarkInfo;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDDocumentOutline;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineItem;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineNode;
import org.parley.ingest.pdf.ExtractedDocument.Bookmark;

/**
 * Reads a PDF into an {@link ExtractedDocument} with one PDFBox pass per page, or rejects
 * it with a problem the organiser can act on.
 * <p>
 * A PDF that opens without a password but whose permissions forbid copying text is
 * accepted: the organiser uploads it to publish it for comment, participants read the
 * same text, and the permission flags are advice to viewer applications rather than
 * protection.
 */
public final class PdfTextExtractor {

	static {
		BundledFonts.install();
	}

	private static final int HEADER_WINDOW = 1024;

	private static final byte[] HEADER = "%PDF-".getBytes(StandardCharsets.US_ASCII);

	/** Files above this size keep PDFBox's stream buffers on disk instead of the heap. */
	private static final long LARGE_FILE = 64L * 1024 * 1024;

	/**
	 * A text layer has far more than this per page; scans with a stamped page number do
	 * not.
	 */
	private static final int MIN_CHARACTERS_PER_PAGE = 20;

	private static final int MAX_BOOKMARKS = 10_000;

	/** A draft's largest stream, a big embedded font, is a few megabytes inflated. */
	static final long MAX_STREAM_BYTES = 64L * 1024 * 1024;

	static final long MAX_TOTAL_STREAM_BYTES = 512L * 1024 * 1024;

	/** The 434-page reference draft reads in under two seconds. */
	public static final Duration DEFAULT_TIME_LIMIT = Duration.ofSeconds(90);

	private final int maxPages;

	private final Duration timeLimit;

	public PdfTextExtractor(int maxPages) {
		this(maxPages, DEFAULT_TIME_LIMIT);
	}

	public PdfTextExtractor(int maxPages, Duration timeLimit) {
		if (maxPages < 1) {
			throw new IllegalArgumentException("maxPages must be 1 or more, was " + maxPages);
		}
		if (timeLimit.isNegative() || timeLimit.isZero()) {
			throw new IllegalArgumentException("timeLimit must be positive, was " + timeLimit);
		}
		this.maxPages = maxPages;
		this.timeLimit = timeLimit;
	}

	public ExtractedDocument extract(Path pdf, PageProgress progress) {
		requirePdfHeader(pdf);
		ReadingBudget budget = new ReadingBudget(this.timeLimit, MAX_STREAM_BYTES, MAX_TOTAL_STREAM_BYTES);
		try (PDDocument document = Loader.loadPDF(pdf.toFile(), streamCache(pdf))) {
			budget.checkTime();
			int pageCount = document.getNumberOfPages();
			if (pageCount > this.maxPages) {
				throw new TooManyPages(pageCount, this.maxPages);
			}
			if (pageCount == 0) {
				throw new PdfUnreadable();
			}
			budget.checkStreams(document.getDocument());
			PDDocumentCatalog catalog = document.getDocumentCatalog();
			PDMarkInfo markInfo = catalog.getMarkInfo();
			StructureTreeIndex structure = (markInfo != null && markInfo.isMarked())
					? StructureTreeIndex.of(catalog.getStructureTreeRoot()) : StructureTreeIndex.EMPTY;
			PositionedTextStripper stripper = new PositionedTextStripper(structure, progress, pageCount, budget);
			stripper.writeText(document, Writer.nullWriter());
			if (stripper.characters() < (long) MIN_CHARACTERS_PER_PAGE * pageCount) {
				throw new NoTextLayer();
			}
			return new ExtractedDocument(document.getDocumentInformation().getTitle(), bookmarks(document),
					!structure.isEmpty(), stripper.pages());
		}
		catch (InvalidPasswordException ex) {
			throw new PdfEncrypted(ex);
		}
		catch (IOException ex) {
			budget.checkTime();
			throw new PdfUnreadable(ex);
		}
		catch (IndexOutOfBoundsException | IllegalArgumentException | IllegalStateException | ClassCastException
				| NullPointerException | ArithmeticException | NegativeArraySizeException
				| UnsupportedOperationException | NoSuchElementException ex) {
			// PDFBox trusts some numbers and types in the file and fails unchecked when
			// they lie (the
			// fuzz run found a /FirstChar of 2^31 indexing the widths array). See ADR
			// 0014.
			budget.checkTime();
			throw new PdfUnreadable(ex);
		}
		catch (StackOverflowError ex) {
			// PDFBox follows some chains of references by recursion (a 100,000-deep
			// outline was
			// found by the hostile corpus). The stack has unwound by now and the document
			// is closed.
			throw new PdfTooComplex();
		}
	}

	/** Judged by the bytes: an upload's name says nothing about what it is. */
	private static void requirePdfHeader(Path pdf) {
		byte[] start;
		try (InputStream in = Files.newInputStream(pdf)) {
			start = in.readNBytes(HEADER_WINDOW);
		}
		catch (IOException ex) {
			throw new PdfUnreadable(ex);
		}
		if (indexOf(start, HEADER) < 0) {
			throw new NotAPdf();
		}
	}

	private static int indexOf(byte[] bytes, byte[] part) {
		outer: for (int i = 0; i <= bytes.length - part.length; i++) {
			for (int j = 0; j < part.length; j++) {
				if (bytes[i + j] != part[j]) {
					continue outer;
				}
			}
			return i;
		}
		return -1;
	}

	private static StreamCacheCreateFunction streamCache(Path pdf) throws IOException {
		return (Files.size(pdf) > LARGE_FILE) ? IOUtils.createTempFileOnlyStreamCache()
				: IOUtils.createMemoryOnlyStreamCache();
	}

	private static List<Bookmark> bookmarks(PDDocument document) {
		PDDocumentOutline outline = document.getDocumentCatalog().getDocumentOutline();
		List<Bookmark> bookmarks = new ArrayList<>();
		if (outline == null) {
			return bookmarks;
		}
		Deque<Entry> pending = new ArrayDeque<>();
		pushChildren(pending, outline, 1);
		while (!pending.isEmpty() && bookmarks.size() < MAX_BOOKMARKS) {
			Entry entry = pending.pop();
			PDOutlineItem item = entry.item();
			String title = item.getTitle();
			if (title != null && !title.isBlank()) {
				bookmarks.add(new Bookmark(title, entry.depth(), page(document, item)));
			}
			pushChildren(pending, item, entry.depth() + 1);
		}
		return bookmarks;
	}

	private static void pushChildren(Deque<Entry> pending, PDOutlineNode node, int depth) {
		List<Entry> children = new ArrayList<>();
		for (PDOutlineItem child : node.children()) {
			children.add(new Entry(child, depth));
			if (children.size() > MAX_BOOKMARKS) {
				break;
			}
		}
		for (int i = children.size() - 1; i >= 0; i--) {
			pending.push(children.get(i));
		}
	}

	private static int page(PDDocument document, PDOutlineItem item) {
		try {
			PDPage page = item.findDestinationPage(document);
			return (page != null) ? document.getPages().indexOf(page) + 1 : 0;
		}
		catch (IOException ex) {
			// A broken destination only loses the bookmark's page, not the bookmark.
			return 0;
		}
	}

	private record Entry(PDOutlineItem item, int depth) {
	}

}
