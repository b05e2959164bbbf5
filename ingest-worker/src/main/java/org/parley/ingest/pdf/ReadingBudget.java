package org.parley.ingest.pdf;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDocument;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.cos.COSObjectKey;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdmodel.PDPage;

/**
 * What reading one PDF may cost: a time limit, checked between pages and between drawing
 * operations; a cap on how far any stream and all streams together may inflate; and a cap
 * on the glyphs of a page and of the document, which are held in memory until their page
 * is done (a page that draws one stream a thousand times exhausted the heap before the
 * time limit). PDFBox inflates all content streams of a page into memory before parsing
 * them, so a page's content streams together must stay under the stream cap too.
 * <p>
 * PDFBox parses content streams as they inflate, but reads font programs and character
 * maps whole into memory: a megabyte that inflates to a gigabyte would exhaust the heap.
 * So every stream but images (which text extraction never decodes) is inflated once up
 * front, counting and discarding its bytes, before PDFBox touches it.
 */
final class ReadingBudget {

	private static final int OPERATIONS_BETWEEN_CHECKS = 1024;

	private static final List<COSName> IMAGE_CODECS = List.of(COSName.DCT_DECODE, COSName.JPX_DECODE,
			COSName.JBIG2_DECODE, COSName.CCITTFAX_DECODE);

	private final long deadline;

	private final long maxStreamBytes;

	private final long maxTotalStreamBytes;

	/** A dense page of a draft has about 5,000 characters. */
	static final int MAX_GLYPHS_PER_PAGE = 100_000;

	/** 2,000 dense pages. */
	static final long MAX_GLYPHS = 12_000_000;

	private final Map<COSStream, Long> inflated = new IdentityHashMap<>();

	private int operations;

	private int pageGlyphs;

	private long glyphs;

	ReadingBudget(Duration timeLimit, long maxStreamBytes, long maxTotalStreamBytes) {
		this.deadline = System.nanoTime() + timeLimit.toNanos();
		this.maxStreamBytes = maxStreamBytes;
		this.maxTotalStreamBytes = maxTotalStreamBytes;
	}

	void checkTime() {
		if (System.nanoTime() - this.deadline > 0) {
			throw new PdfTooComplex();
		}
	}

	/** Cheap enough for every drawing operation: looks at the clock once in a while. */
	void countOperation() {
		if (++this.operations % OPERATIONS_BETWEEN_CHECKS == 0) {
			checkTime();
		}
	}

	void startPage(PDPage page) {
		checkTime();
		this.pageGlyphs = 0;
		COSBase contents = page.getCOSObject().getDictionaryObject(COSName.CONTENTS);
		long size = 0;
		if (contents instanceof COSStream stream) {
			size = this.inflated.getOrDefault(stream, 0L);
		}
		else if (contents instanceof COSArray array) {
			for (int i = 0; i < array.size(); i++) {
				if (array.getObject(i) instanceof COSStream stream) {
					size += this.inflated.getOrDefault(stream, 0L);
				}
			}
		}
		if (size > this.maxStreamBytes) {
			throw new PdfTooComplex();
		}
	}

	void countGlyph() {
		if (++this.pageGlyphs > MAX_GLYPHS_PER_PAGE || ++this.glyphs > MAX_GLYPHS) {
			throw new PdfTooComplex();
		}
	}

	/**
	 * Inflates every stream but images, counting bytes. A stream that cannot be decoded
	 * is left for PDFBox, which skips or reports it as it reads.
	 */
	void checkStreams(COSDocument document) {
		long total = 0;
		byte[] buffer = new byte[64 * 1024];
		// Dereferencing an object in an object stream adds its neighbours to the table.
		for (COSObjectKey key : List.copyOf(document.getXrefTable().keySet())) {
			checkTime();
			COSObject object = document.getObjectFromPool(key);
			COSBase base = (object != null) ? object.getObject() : null;
			if (!(base instanceof COSStream stream) || isImage(stream)) {
				continue;
			}
			long size = inflatedSize(stream, buffer);
			this.inflated.put(stream, size);
			total += size;
			if (total > this.maxTotalStreamBytes) {
				throw new PdfTooComplex();
			}
		}
	}

	/** Image codecs are for pictures, which text extraction never decodes. */
	private static boolean isImage(COSStream stream) {
		if (COSName.IMAGE.equals(stream.getCOSName(COSName.SUBTYPE))) {
			return true;
		}
		COSBase filters = stream.getFilters();
		return IMAGE_CODECS.stream()
			.anyMatch(codec -> codec.equals(filters)
					|| (filters instanceof COSArray array && array.toList().contains(codec)));
	}

	private long inflatedSize(COSStream stream, byte[] buffer) {
		long size = 0;
		try (InputStream in = stream.createInputStream()) {
			for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
				size += n;
				if (size > this.maxStreamBytes) {
					throw new PdfTooComplex();
				}
				checkTime();
			}
		}
		catch (IOException ex) {
			// Damaged or unsupported filter: PDFBox reads what it can later, within the
			// same budget.
		}
		return size;
	}

}
