package org.parley.ingest.pdf;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import org.apache.pdfbox.contentstream.operator.Operator;
import org.apache.pdfbox.contentstream.operator.color.SetNonStrokingDeviceCMYKColor;
import org.apache.pdfbox.contentstream.operator.color.SetNonStrokingDeviceGrayColor;
import org.apache.pdfbox.contentstream.operator.color.SetNonStrokingDeviceRGBColor;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDFontDescriptor;
import org.apache.pdfbox.pdmodel.font.PDSimpleFont;
import org.apache.pdfbox.pdmodel.graphics.color.PDColor;
import org.apache.pdfbox.pdmodel.graphics.color.PDColorSpace;
import org.apache.pdfbox.pdmodel.graphics.color.PDDeviceCMYK;
import org.apache.pdfbox.pdmodel.graphics.color.PDDeviceGray;
import org.apache.pdfbox.pdmodel.graphics.color.PDDeviceRGB;
import org.apache.pdfbox.pdmodel.graphics.color.PDICCBased;
import org.apache.pdfbox.pdmodel.graphics.color.PDCIEBasedColorSpace;
import org.apache.pdfbox.pdmodel.graphics.color.PDLab;
import org.apache.pdfbox.pdmodel.graphics.state.RenderingMode;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;

/**
 * One pass of PDFBox's text extraction per page that keeps each glyph's position and
 * style and groups them into lines and runs itself. PDFBox's own line and word building
 * is skipped: it produces plain text, and the structuring needs geometry.
 */
final class PositionedTextStripper extends PDFTextStripper {

	/** Glyph names of ligatures: "fi", "ffl", "f_f_i", "T_h", "s_t". */
	private static final Pattern LIGATURE_NAME = Pattern.compile("f?f[il]|ff|[A-Za-z](?:_[A-Za-z]){1,2}");

	/**
	 * Whether pages that may hold a table keep their rules and words (ADR 0028: off with
	 * table recovery).
	 */
	private static final boolean TABLES = Boolean.getBoolean("parley.import.pdf-tables");

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

	/** The fill colour changes rarely; its RGB reading is kept for the colour object. */
	private PDColor lastColour;

	private int lastRgb = TextRun.BLACK;

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
		// The text stripper ignores colour; the device colour operators are cheap and
		// tell a grey subtitle or a blue heading from black text. Colour spaces set by
		// name (cs/scn) would load ICC profiles and are left out.
		addOperator(new SetNonStrokingDeviceRGBColor(this));
		addOperator(new SetNonStrokingDeviceGrayColor(this));
		addOperator(new SetNonStrokingDeviceCMYKColor(this));
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
		int colour = rgb(getGraphicsState().getNonStrokingColor());
		if (strokedBold || tag != null || colour != TextRun.BLACK) {
			this.marks.put(text, new Marks(strokedBold, tag, colour));
		}
		super.processTextPosition(text);
	}

	@Override
	protected void writePage() throws IOException {
		List<Glyph> glyphs = new ArrayList<>();
		for (List<TextPosition> article : getCharactersByArticle()) {
			boolean space = false;
			for (TextPosition position : article) {
				String unicode = position.getUnicode();
				if (unicode == null || unicode.isEmpty()) {
					unicode = ligatureByGlyphName(position);
				}
				if (unicode != null && isZeroWidth(unicode)) {
					// Google Docs puts a zero-width space after list numbers: "1.\u200B".
					continue;
				}
				if (unicode == null || unicode.isBlank()) {
					space = unicode != null;
					continue;
				}
				Glyph glyph = glyph(position, unicode);
				glyphs.add(space ? glyph.afterSpace() : glyph);
				space = false;
			}
		}
		this.characters += glyphs.size();
		PDPage page = getCurrentPage();
		PDRectangle box = page.getCropBox();
		boolean rotated = page.getRotation() % 180 != 0;
		float width = rotated ? box.getHeight() : box.getWidth();
		float height = rotated ? box.getWidth() : box.getHeight();
		List<TextLine> lines = LineBuilder.lines(glyphs);
		if (TABLES && mayHoldTable(lines)) {
			this.pages.add(new ExtractedPage(getCurrentPageNo(), width, height, lines,
					PageRulings.of(page, this.budget), LineBuilder.words(glyphs)));
		}
		else {
			this.pages.add(new ExtractedPage(getCurrentPageNo(), width, height, lines));
		}
	}

	/**
	 * Whether three lines or more of the page have separate cells (runs apart) or several
	 * figures: only such a page is worth the graphics pass and the words that table
	 * recovery needs.
	 */
	static boolean mayHoldTable(List<TextLine> lines) {
		int rows = 0;
		for (TextLine line : lines) {
			if (line.runs().size() > 1 || line.figures() >= 3) {
				if (++rows >= 3) {
					return true;
				}
			}
		}
		return false;
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
		String text = style.smallCaps() ? unicode.toUpperCase(Locale.ROOT) : unicode;
		return new Glyph(text, position.getXDirAdj(), position.getYDirAdj(), position.getWidthDirAdj(), size,
				spaceWidth, style.bold() || (glyphMarks != null && glyphMarks.strokedBold()), style.italic(),
				(glyphMarks != null) ? glyphMarks.tag() : null,
				(glyphMarks != null) ? glyphMarks.colour() : TextRun.BLACK, false);
	}

	private static boolean isZeroWidth(String unicode) {
		for (int i = 0; i < unicode.length(); i++) {
			char c = unicode.charAt(i);
			if (c != '\u200B' && c != '\u200C' && c != '\u200D' && c != '\u2060' && c != '\uFEFF') {
				return false;
			}
		}
		return true;
	}

	/**
	 * Fonts without a ToUnicode map still name their glyphs: a ligature ("fi", "f_f_i",
	 * "T_h") that PDFBox cannot map would otherwise vanish from the text.
	 */
	private static String ligatureByGlyphName(TextPosition position) {
		if (!(position.getFont() instanceof PDSimpleFont font) || font.getEncoding() == null
				|| position.getCharacterCodes().length != 1) {
			return null;
		}
		String name = font.getEncoding().getName(position.getCharacterCodes()[0]);
		return (name != null && LIGATURE_NAME.matcher(name).matches()) ? name.replace("_", "") : null;
	}

	/**
	 * The colour as 0xRRGGBB for the device colour spaces producers use for text; any
	 * other space counts as black, as converting it would cost more than the hint is
	 * worth.
	 */
	private int rgb(PDColor colour) {
		if (colour == this.lastColour) {
			return this.lastRgb;
		}
		int rgb = TextRun.BLACK;
		if (colour != null) {
			PDColorSpace space = colour.getColorSpace();
			float[] c = colour.getComponents();
			// Calibrated and ICC-based spaces are read as the device space with as many
			// components: close enough to tell grey or blue text from black.
			boolean device = space instanceof PDDeviceGray || space instanceof PDDeviceRGB
					|| space instanceof PDDeviceCMYK || space instanceof PDICCBased
					|| space instanceof PDCIEBasedColorSpace;
			if (!device) {
				rgb = TextRun.BLACK;
			}
			else if (c.length == 1) {
				rgb = pack(c[0], c[0], c[0]);
			}
			else if (c.length == 3 && !(space instanceof PDLab)) {
				rgb = pack(c[0], c[1], c[2]);
			}
			else if (c.length == 4) {
				rgb = pack((1 - c[0]) * (1 - c[3]), (1 - c[1]) * (1 - c[3]), (1 - c[2]) * (1 - c[3]));
			}
		}
		this.lastColour = colour;
		this.lastRgb = rgb;
		return rgb;
	}

	private static int pack(float r, float g, float b) {
		return (channel(r) << 16) | (channel(g) << 8) | channel(b);
	}

	private static int channel(float value) {
		return Math.round(Math.max(0, Math.min(1, value)) * 255);
	}

	private record MarkedContent(StructureTag tag, boolean artifact) {
	}

	private record Marks(boolean strokedBold, StructureTag tag, int colour) {
	}

	/**
	 * Weight, slant and small capitals of a font, judged once per font. A small-caps font
	 * draws capitals for lower-case codes; the reader sees capitals, so the text has
	 * them.
	 */
	record FontStyle(boolean bold, boolean italic, boolean smallCaps) {

		private static final Pattern SMALL_CAPS = Pattern
			.compile(".*(?:SmallCaps|Small-Caps|SmCap|CSC\\d+|[a-z]SC\\d*|-SC\\d*|\\+SC\\d*|Caps)$");

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
			boolean smallCaps = font.getName() != null && SMALL_CAPS.matcher(font.getName()).matches();
			return new FontStyle(bold, italic, smallCaps);
		}

	}

}
