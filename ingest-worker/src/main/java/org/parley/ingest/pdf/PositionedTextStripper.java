package org.parley.ingest.pdf;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.pdfbox.contentstream.operator.Operator;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDFontDescriptor;
import org.apache.pdfbox.pdmodel.graphics.state.RenderingMode;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;

/**
 * One pass of PDFBox's text extraction per page that keeps each glyph's position and
 * style and groups them into lines and runs itself. PDFBox's own line and word building
 * is skipped: it produces plain text, and the structuring needs geometry.
 */
final class PositionedTextStripper extends PDFTextStripper {

	private final StructureTreeIndex structure;

	private final PageProgress progress;

	private final int pageCount;

	private final List<ExtractedPage> pages = new ArrayList<>();

	private final Map<PDFont, FontStyle> fontStyles = new IdentityHashMap<>();

	/**
	 * Only glyphs with something to remember beyond their font: few or none on most
	 * pages.
	 */
	private final Map<TextPosition, Marks> marks = new IdentityHashMap<>();

	private final Deque<MarkedContent> markedContent = new ArrayDeque<>();

	private Map<Integer, StructureTag> pageTags = Map.of();

	private long characters;

	private final ReadingBudget budget;

	PositionedTextStripper(StructureTreeIndex structure, PageProgress progress, int pageCount, ReadingBudget budget) {
		this.structure = structure;
		this.budget = budget;
		this.progress = progress;
		this.pageCount = pageCount;
		setSortByPosition(false);
		// PDFBox's duplicate check doubles the extraction time; LineBuilder drops
		// overprinted
		// glyphs more cheaply once they are sorted.
		setSuppressDuplicateOverlappingText(false);
	}

	List<ExtractedPage> pages() {
		return this.pages;
	}

	/** Non-blank characters on all pages: a scan has none, or almost none. */
	long characters() {
		return this.characters;
	}

	@Override
	protected void startPage(PDPage page) throws IOException {
		this.budget.startPage(page);
		this.pageTags = this.structure.tagsOn(page);
		this.markedContent.clear();
		this.marks.clear();
		super.startPage(page);
	}

	@Override
	protected void processOperator(Operator operator, List<COSBase> operands) throws IOException {
		this.budget.countOperation();
		super.processOperator(operator, operands);
	}

	@Override
	public void beginMarkedContentSequence(COSName tag, COSDictionary properties) {
		int mcid = (properties != null) ? properties.getInt(COSName.MCID, -1) : -1;
		boolean artifact = COSName.ARTIFACT.equals(tag)
				|| (!this.markedContent.isEmpty() && this.markedContent.peek().artifact());
		StructureTag structureTag = (mcid >= 0) ? this.pageTags.get(mcid)
				: (this.markedContent.isEmpty() ? null : this.markedContent.peek().tag());
		this.markedContent.push(new MarkedContent(structureTag, artifact));
		super.beginMarkedContentSequence(tag, properties);
	}

	@Override
	public void endMarkedContentSequence() {
		if (!this.markedContent.isEmpty()) {
			this.markedContent.pop();
		}
		super.endMarkedContentSequence();
	}

	@Override
	protected void processTextPosition(TextPosition text) {
		this.budget.countGlyph();
		MarkedContent current = this.markedContent.peek();
		if (current != null && current.artifact() && !this.structure.isEmpty()) {
			// Tagged PDFs mark running headers, footers and page numbers as artifacts.
			return;
		}
		boolean strokedBold = getGraphicsState().getTextState().getRenderingMode() == RenderingMode.FILL_STROKE;
		StructureTag tag = (current != null) ? current.tag() : null;
		if (strokedBold || tag != null) {
			this.marks.put(text, new Marks(strokedBold, tag));
		}
		super.processTextPosition(text);
	}

	@Override
	protected void writePage() throws IOException {
		List<Glyph> glyphs = new ArrayList<>();
		for (List<TextPosition> article : getCharactersByArticle()) {
			for (TextPosition position : article) {
				String unicode = position.getUnicode();
				if (unicode == null || unicode.isBlank()) {
					continue;
				}
				glyphs.add(glyph(position, unicode));
			}
		}
		this.characters += glyphs.size();
		PDPage page = getCurrentPage();
		PDRectangle box = page.getCropBox();
		boolean rotated = page.getRotation() % 180 != 0;
		float width = rotated ? box.getHeight() : box.getWidth();
		float height = rotated ? box.getWidth() : box.getHeight();
		this.pages.add(new ExtractedPage(getCurrentPageNo(), width, height, LineBuilder.lines(glyphs)));
	}

	@Override
	protected void endPage(PDPage page) throws IOException {
		super.endPage(page);
		this.progress.pageExtracted(getCurrentPageNo(), this.pageCount);
	}

	private Glyph glyph(TextPosition position, String unicode) {
		FontStyle style = this.fontStyles.computeIfAbsent(position.getFont(), FontStyle::of);
		Marks glyphMarks = this.marks.get(position);
		float size = position.getYScale();
		if (!(size > 0)) {
			size = position.getFontSizeInPt();
		}
		float spaceWidth = position.getWidthOfSpace();
		if (!(spaceWidth > 0) || spaceWidth > size) {
			spaceWidth = 0.25f * size;
		}
		return new Glyph(unicode, position.getXDirAdj(), position.getYDirAdj(), position.getWidthDirAdj(), size,
				spaceWidth, style.bold() || (glyphMarks != null && glyphMarks.strokedBold()), style.italic(),
				(glyphMarks != null) ? glyphMarks.tag() : null);
	}

	private record MarkedContent(StructureTag tag, boolean artifact) {
	}

	private record Marks(boolean strokedBold, StructureTag tag) {
	}

	/** Weight and slant of a font, judged once per font. */
	record FontStyle(boolean bold, boolean italic) {

		private static final List<String> BOLD_NAMES = List.of("bold", "black", "heavy", "semibold", "demi");

		static FontStyle of(PDFont font) {
			String name = (font.getName() != null) ? font.getName().toLowerCase(Locale.ROOT) : "";
			PDFontDescriptor descriptor = font.getFontDescriptor();
			boolean bold = BOLD_NAMES.stream().anyMatch(name::contains);
			boolean italic = name.contains("italic") || name.contains("oblique");
			if (descriptor != null) {
				bold = bold || descriptor.isForceBold() || descriptor.getFontWeight() >= 600;
				italic = italic || descriptor.isItalic() || descriptor.getItalicAngle() != 0;
			}
			return new FontStyle(bold, italic);
		}

	}

}
