package org.parley.ingest.report;

import java.awt.Color;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.common.COSObjectable;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDNumberTreeNode;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDMarkedContentReference;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDObjectReference;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDParentTreeValue;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureElement;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureNode;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureTreeRoot;
import org.apache.pdfbox.pdmodel.documentinterchange.markedcontent.PDPropertyList;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationLink;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDBorderStyleDictionary;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.destination.PDPageXYZDestination;
import org.apache.pdfbox.util.Matrix;
import org.parley.ingest.report.PdfFonts.Face;
import org.parley.ingest.report.PdfFonts.Piece;

/**
 * The report's pages, laid out with PDFBox alone: lines of text broken to the measure,
 * pages that follow one another with a running head and the page's number, and the
 * structure tree that makes the PDF tagged. Every line drawn belongs to the structure
 * element open at the time, through a marked-content sequence with its MCID and the
 * page's entry in the parent tree; everything else (rules, backgrounds, head and foot) is
 * an artifact.
 * <p>
 * The report's content and look are {@link PdfReport}'s; this knows only lines, boxes and
 * pages, so that what a report says stays in one place.
 */
final class PdfLayout {

	static final float MM = 72f / 25.4f;

	static final float PAGE_WIDTH = PDRectangle.A4.getWidth();

	static final float PAGE_HEIGHT = PDRectangle.A4.getHeight();

	static final float LEFT = 22 * MM;

	static final float RIGHT = PAGE_WIDTH - 22 * MM;

	static final float TOP = PAGE_HEIGHT - 25 * MM;

	static final float BOTTOM = 22 * MM;

	static final float MEASURE = RIGHT - LEFT;

	/** How a stretch of text looks; leading is the height of its line. */
	record Style(Face face, float size, Color color, float leading) {

		Style with(Face other) {
			return new Style(other, this.size, this.color, this.leading);
		}

		Style with(Color other) {
			return new Style(this.face, this.size, other, this.leading);
		}

	}

	/** Text in one style, a part of a paragraph. */
	record Span(String text, Style style) {
	}

	/** Where a heading is, for the contents, the outline and the links to it. */
	record Anchor(PDPage page, int number, float top) {
	}

	/** A piece of a line at its offset from the line's start. */
	private record Segment(Piece piece, float size, Color color, float x) {
	}

	/** One line of text, broken to its measure; drawn inside its structure element. */
	static final class Line {

		private final List<Segment> segments = new ArrayList<>();

		private float width;

		private float height;

		private float size;

		private PDStructureElement element;

		float width() {
			return this.width;
		}

		float height() {
			return this.height;
		}

	}

	/**
	 * A bar beside a block (a comment's rule), drawn page by page as the block goes on.
	 */
	private static final class Bar {

		final float x;

		final float width;

		final Color color;

		float start;

		Bar(float x, float width, Color color, float start) {
			this.x = x;
			this.width = width;
			this.color = color;
			this.start = start;
		}

	}

	/** Drawing that is not content: rules, backgrounds, running heads. */
	@FunctionalInterface
	interface Drawing {

		void draw(PDPageContentStream stream) throws IOException;

	}

	private final PDDocument document;

	private final PdfFonts fonts;

	private final PDStructureTreeRoot root = new PDStructureTreeRoot();

	private final Deque<PDStructureNode> open = new ArrayDeque<>();

	private final Map<Integer, COSObjectable> parentTree = new HashMap<>();

	private final Deque<Bar> bars = new ArrayDeque<>();

	/** Each page's MCIDs' elements, by the page's key in the parent tree. */
	private final Map<Integer, List<PDStructureElement>> pageOwners = new HashMap<>();

	private final RunningText running;

	private int nextStructParent;

	private PDPage page;

	private PDPage insertAfter;

	private PDPageContentStream stream;

	private List<PDStructureElement> mcidOwners;

	private PDStructureElement marking;

	private int pageNumber;

	private float y;

	private PDType0Font lastFont;

	private float lastSize;

	private Color lastColor;

	/** The running head and foot of the pages after the first. */
	interface RunningText {

		void draw(PdfLayout layout, int pageNumber) throws IOException;

	}

	PdfLayout(PDDocument document, PdfFonts fonts, RunningText running) {
		this.document = document;
		this.fonts = fonts;
		this.running = running;
		this.open.push(this.root);
	}

	PDStructureTreeRoot root() {
		return this.root;
	}

	PdfFonts fonts() {
		return this.fonts;
	}

	float y() {
		return this.y;
	}

	PDStructureElement begin(String type) {
		PDStructureElement element = new PDStructureElement(type, this.open.peek());
		this.open.peek().appendKid(element);
		this.open.push(element);
		return element;
	}

	/**
	 * Opens an element made earlier again, to fill it now (the contents, laid out last).
	 */
	void resume(PDStructureElement element) {
		this.open.push(element);
	}

	void end() throws IOException {
		closeMark();
		this.open.pop();
	}

	private PDStructureElement current() {
		return (PDStructureElement) this.open.peek();
	}

	/** A page of its own: no running head or foot (the cover). */
	void plainPage() throws IOException {
		startPage(true);
	}

	void newPage() throws IOException {
		startPage(false);
	}

	/** The pages that come next go after this one, not at the end (the contents). */
	void insertAfter(PDPage previous) {
		this.insertAfter = previous;
	}

	/** The number the last page had: the next page's is one more. */
	void lastPageNumber(int number) {
		this.pageNumber = number;
	}

	PDPage page() {
		return this.page;
	}

	Anchor here() {
		return new Anchor(this.page, this.pageNumber, this.y);
	}

	private void startPage(boolean plain) throws IOException {
		finishPage();
		this.page = new PDPage(PDRectangle.A4);
		if (this.insertAfter != null) {
			this.document.getPages().insertAfter(this.page, this.insertAfter);
			this.insertAfter = this.page;
		}
		else {
			this.document.addPage(this.page);
		}
		this.pageNumber++;
		int key = this.nextStructParent++;
		this.page.setStructParents(key);
		this.mcidOwners = new ArrayList<>();
		COSArray owners = new COSArray();
		this.parentTree.put(key, new PDParentTreeValue(owners));
		this.pageOwners.put(key, this.mcidOwners);
		this.stream = new PDPageContentStream(this.document, this.page);
		this.lastFont = null;
		this.lastColor = null;
		this.y = TOP;
		if (!plain) {
			this.running.draw(this, this.pageNumber);
		}
		for (Bar bar : this.bars) {
			bar.start = TOP;
		}
	}

	private void finishPage() throws IOException {
		if (this.stream == null) {
			return;
		}
		closeMark();
		for (Bar bar : this.bars) {
			drawBar(bar, this.y);
		}
		this.stream.close();
		this.stream = null;
	}

	/** Writes the structure's parent tree; the last call before saving. */
	void finish() throws IOException {
		finishPage();
		for (Map.Entry<Integer, List<PDStructureElement>> e : this.pageOwners.entrySet()) {
			COSArray owners = (COSArray) this.parentTree.get(e.getKey()).getCOSObject();
			for (PDStructureElement owner : e.getValue()) {
				owners.add(owner);
			}
		}
		PDNumberTreeNode tree = new PDNumberTreeNode(PDParentTreeValue.class);
		tree.setNumbers(this.parentTree);
		this.root.setParentTree(tree);
		this.root.setParentTreeNextKey(this.nextStructParent);
	}

	/** Space before a block, none at the top of a page. */
	void gap(float height) {
		if (this.y < TOP) {
			this.y = Math.max(BOTTOM, this.y - height);
		}
	}

	/** A new page unless this much fits on this one. */
	void keep(float height) throws IOException {
		if (this.y - height < BOTTOM && this.y < TOP) {
			newPage();
		}
	}

	void moveTo(float top) {
		this.y = top;
	}

	/** The spans broken into lines of at most {@code measure} points. */
	List<Line> lines(List<Span> spans, float measure) throws IOException {
		List<Line> lines = new ArrayList<>();
		Line line = new Line();
		lines.add(line);
		for (Span span : spans) {
			Style style = span.style();
			String text = clean(span.text());
			float space = this.fonts.width1000(" ", style.face()) * style.size() / 1000f;
			line.height = Math.max(line.height, style.leading());
			line.size = Math.max(line.size, style.size());
			int i = 0;
			while (i < text.length()) {
				char ch = text.charAt(i);
				if (ch == '\n') {
					line = new Line();
					line.height = style.leading();
					line.size = style.size();
					lines.add(line);
					i++;
					continue;
				}
				if (ch == ' ') {
					if (!line.segments.isEmpty()) {
						append(line, this.fonts.pieces(" ", style.face()), style, space);
					}
					i++;
					continue;
				}
				int end = i;
				while (end < text.length() && text.charAt(end) != ' ' && text.charAt(end) != '\n') {
					end++;
				}
				String word = text.substring(i, end);
				i = end;
				List<Piece> pieces = this.fonts.pieces(word, style.face());
				float w = width(pieces, style.size());
				if (line.width + w > measure && !line.segments.isEmpty()) {
					trimTrailingSpace(line);
					line = new Line();
					line.height = style.leading();
					line.size = style.size();
					lines.add(line);
				}
				if (w > measure) {
					// A word longer than the measure (an address, a run of characters) is
					// cut
					// where the line ends.
					line = breakWord(lines, line, word, style, measure);
				}
				else {
					append(line, pieces, style, w);
				}
			}
		}
		for (Line l : lines) {
			trimTrailingSpace(l);
		}
		return lines;
	}

	private Line breakWord(List<Line> lines, Line line, String word, Style style, float measure) throws IOException {
		Line current = line;
		int start = 0;
		while (start < word.length()) {
			int end = start;
			float w = 0;
			while (end < word.length()) {
				int cp = word.codePointAt(end);
				int next = end + Character.charCount(cp);
				float cw = width(this.fonts.pieces(word.substring(end, next), style.face()), style.size());
				if (current.width + w + cw > measure && (end > start || !current.segments.isEmpty())) {
					break;
				}
				w += cw;
				end = next;
			}
			if (end > start) {
				append(current, this.fonts.pieces(word.substring(start, end), style.face()), style, w);
			}
			start = end;
			if (start < word.length()) {
				current = new Line();
				current.height = style.leading();
				current.size = style.size();
				lines.add(current);
			}
		}
		return current;
	}

	private static float width(List<Piece> pieces, float size) {
		float w = 0;
		for (Piece p : pieces) {
			w += p.width(size);
		}
		return w;
	}

	private static void append(Line line, List<Piece> pieces, Style style, float width) {
		float x = line.width;
		for (Piece p : pieces) {
			int last = line.segments.size() - 1;
			Segment previous = (last >= 0) ? line.segments.get(last) : null;
			if (previous != null && p.actualText() == null && previous.piece().actualText() == null
					&& previous.piece().font() == p.font() && previous.size() == style.size()
					&& previous.color().equals(style.color())) {
				Piece joined = new Piece(p.font(), previous.piece().text() + p.text(),
						previous.piece().width1000() + p.width1000(), null);
				line.segments.set(last, new Segment(joined, style.size(), style.color(), previous.x()));
			}
			else {
				line.segments.add(new Segment(p, style.size(), style.color(), x));
			}
			x += p.width(style.size());
		}
		line.width += width;
	}

	private static void trimTrailingSpace(Line line) throws IOException {
		int last = line.segments.size() - 1;
		if (last < 0) {
			return;
		}
		Segment s = line.segments.get(last);
		String text = s.piece().text();
		if (s.piece().actualText() == null && text.endsWith(" ")) {
			String trimmed = text.stripTrailing();
			float removed = (text.length() - trimmed.length()) * s.piece().font().getStringWidth(" ") * s.size()
					/ 1000f;
			if (trimmed.isEmpty()) {
				line.segments.remove(last);
			}
			else {
				line.segments.set(last, new Segment(
						new Piece(s.piece().font(), trimmed, s.piece().width1000() - removed * 1000f / s.size(), null),
						s.size(), s.color(), s.x()));
			}
			line.width -= removed;
		}
	}

	/**
	 * A paragraph in the open structure element: its lines from the current position,
	 * onto new pages as they fill.
	 */
	void paragraph(List<Span> spans, float indent, float measure) throws IOException {
		place(lines(spans, measure), indent, false);
	}

	void paragraph(List<Span> spans, float indent) throws IOException {
		paragraph(spans, indent, MEASURE - indent);
	}

	/** Lines drawn from the current position, on as many pages as they need. */
	void place(List<Line> lines, float indent, boolean alignRight) throws IOException {
		PDStructureElement element = current();
		for (Line line : lines) {
			if (this.y - line.height < BOTTOM) {
				newPage();
			}
			line.element = element;
			draw(line, alignRight ? indent - line.width : indent, this.y);
			this.y -= line.height;
		}
	}

	/** A line at a fixed place, for tables and tiles that lay out their own cells. */
	void drawLine(Line line, float x, float top) throws IOException {
		line.element = current();
		draw(line, x, top);
	}

	private void draw(Line line, float indent, float top) throws IOException {
		if (line.segments.isEmpty()) {
			return;
		}
		mark(line.element);
		float baseline = top - (line.height - line.size) / 2f - line.size * 0.8f;
		this.stream.beginText();
		for (Segment s : line.segments) {
			if (s.piece().font() != this.lastFont || s.size() != this.lastSize) {
				this.stream.setFont(s.piece().font(), s.size());
				this.lastFont = s.piece().font();
				this.lastSize = s.size();
			}
			if (!s.color().equals(this.lastColor)) {
				this.stream.setNonStrokingColor(s.color());
				this.lastColor = s.color();
			}
			this.stream.setTextMatrix(Matrix.getTranslateInstance(LEFT + indent + s.x(), baseline));
			if (s.piece().actualText() != null) {
				COSDictionary properties = new COSDictionary();
				properties.setString(COSName.ACTUAL_TEXT, s.piece().actualText());
				this.stream.beginMarkedContent(COSName.getPDFName("Span"), PDPropertyList.create(properties));
				this.stream.showText(s.piece().text());
				this.stream.endMarkedContent();
			}
			else {
				this.stream.showText(s.piece().text());
			}
		}
		this.stream.endText();
	}

	private void mark(PDStructureElement element) throws IOException {
		if (this.marking == element) {
			return;
		}
		closeMark();
		int mcid = this.mcidOwners.size();
		this.stream.beginMarkedContent(COSName.getPDFName(element.getStructureType()), mcid);
		PDMarkedContentReference reference = new PDMarkedContentReference();
		reference.setPage(this.page);
		reference.setMCID(mcid);
		element.appendKid(reference);
		this.mcidOwners.add(element);
		this.marking = element;
	}

	private void closeMark() throws IOException {
		if (this.marking != null) {
			this.stream.endMarkedContent();
			this.marking = null;
		}
	}

	/** Vector drawing that is content (the vote chart), in the open element. */
	void figure(Drawing drawing) throws IOException {
		mark(current());
		this.stream.saveGraphicsState();
		drawing.draw(this.stream);
		this.stream.restoreGraphicsState();
		closeMark();
	}

	void artifact(Drawing drawing) throws IOException {
		closeMark();
		this.stream.beginMarkedContent(COSName.ARTIFACT);
		this.stream.saveGraphicsState();
		drawing.draw(this.stream);
		this.stream.restoreGraphicsState();
		this.stream.endMarkedContent();
	}

	/** A running line of the page (head or foot), outside the structure. */
	void runningLine(List<Span> spans, float x, float top, boolean alignRight) throws IOException {
		List<Line> lines = lines(spans, MEASURE);
		Line line = lines.get(0);
		closeMark();
		this.stream.beginMarkedContent(COSName.ARTIFACT);
		float start = alignRight ? x - line.width : x;
		float baseline = top - (line.height - line.size) / 2f - line.size * 0.8f;
		this.stream.beginText();
		for (Segment s : line.segments) {
			this.stream.setFont(s.piece().font(), s.size());
			this.stream.setNonStrokingColor(s.color());
			this.stream.setTextMatrix(Matrix.getTranslateInstance(start + s.x(), baseline));
			this.stream.showText(s.piece().text());
		}
		this.stream.endText();
		this.stream.endMarkedContent();
		this.lastFont = null;
		this.lastColor = null;
	}

	static void rectangle(PDPageContentStream s, Color color, float x, float y, float w, float h) throws IOException {
		s.setNonStrokingColor(color);
		s.addRect(x, y, w, h);
		s.fill();
	}

	static void roundedRectangle(PDPageContentStream s, float x, float y, float w, float h, float r)
			throws IOException {
		float k = 0.5523f * r;
		s.moveTo(x + r, y);
		s.lineTo(x + w - r, y);
		s.curveTo(x + w - r + k, y, x + w, y + r - k, x + w, y + r);
		s.lineTo(x + w, y + h - r);
		s.curveTo(x + w, y + h - r + k, x + w - r + k, y + h, x + w - r, y + h);
		s.lineTo(x + r, y + h);
		s.curveTo(x + r - k, y + h, x, y + h - r + k, x, y + h - r);
		s.lineTo(x, y + r);
		s.curveTo(x, y + r - k, x + r - k, y, x + r, y);
		s.closePath();
	}

	/** A bar at {@code x} beside what follows until {@link #closeBar()}. */
	void openBar(float x, float width, Color color) {
		this.bars.push(new Bar(LEFT + x, width, color, this.y));
	}

	void closeBar() throws IOException {
		Bar bar = this.bars.pop();
		drawBar(bar, this.y);
	}

	private void drawBar(Bar bar, float bottom) throws IOException {
		if (bar.start - bottom < 1) {
			return;
		}
		artifact(s -> rectangle(s, bar.color, bar.x, bottom, bar.width, bar.start - bottom));
	}

	/**
	 * A box with a background behind lines of several elements (an answer): drawn in
	 * pieces, one per page it runs over.
	 * @param parts each element's lines, in order
	 */
	void box(List<Map.Entry<PDStructureElement, List<Line>>> parts, float indent, float width, float padding,
			Color background, Color edge) throws IOException {
		List<Line> all = new ArrayList<>();
		for (Map.Entry<PDStructureElement, List<Line>> part : parts) {
			for (Line l : part.getValue()) {
				l.element = part.getKey();
				all.add(l);
			}
		}
		int i = 0;
		while (i < all.size()) {
			float room = this.y - BOTTOM - 2 * padding;
			float h = 0;
			int n = 0;
			while (i + n < all.size() && h + all.get(i + n).height <= room) {
				h += all.get(i + n).height;
				n++;
			}
			if (n == 0) {
				newPage();
				continue;
			}
			float top = this.y;
			float height = h + 2 * padding;
			artifact(s -> {
				rectangle(s, background, LEFT + indent, top - height, width, height);
				if (edge != null) {
					rectangle(s, edge, LEFT + indent, top - height, 2, height);
				}
			});
			this.y -= padding;
			for (int k = 0; k < n; k++) {
				Line line = all.get(i + k);
				draw(line, indent + padding + 3, this.y);
				this.y -= line.height;
			}
			this.y -= padding;
			i += n;
			if (i < all.size()) {
				newPage();
			}
		}
	}

	/**
	 * A link to an anchor over a rectangle of this page, tagged as the open element (a
	 * {@code Link}) with the annotation as its object reference, as PDF/UA asks.
	 */
	void link(float x, float bottom, float width, float height, Anchor target, String description) throws IOException {
		PDAnnotationLink link = new PDAnnotationLink();
		link.setRectangle(new PDRectangle(LEFT + x, bottom, width, height));
		PDBorderStyleDictionary none = new PDBorderStyleDictionary();
		none.setWidth(0);
		link.setBorderStyle(none);
		PDPageXYZDestination destination = new PDPageXYZDestination();
		destination.setPage(target.page());
		destination.setTop((int) target.top() + 4);
		destination.setLeft(0);
		link.setDestination(destination);
		link.setContents(description);
		link.setPage(this.page);
		int key = this.nextStructParent++;
		link.setStructParent(key);
		PDStructureElement element = current();
		this.parentTree.put(key, new PDParentTreeValue(element.getCOSObject()));
		PDObjectReference reference = new PDObjectReference();
		reference.setReferencedObject(link);
		reference.setPage(this.page);
		element.appendKid(reference);
		this.page.getAnnotations().add(link);
		// Tab order follows the structure on pages with links (PDF/UA).
		this.page.getCOSObject().setName(COSName.getPDFName("Tabs"), "S");
	}

	/**
	 * Text as it can be drawn: no control or format characters (a zero-width joiner would
	 * show as a placeholder), line ends as {@code \n}, tabs as spaces.
	 */
	static String clean(String s) {
		if (s == null) {
			return "";
		}
		StringBuilder out = null;
		for (int i = 0; i < s.length(); i++) {
			char ch = s.charAt(i);
			boolean keep = ch >= 0x20 && ch != 0x7F && Character.getType(ch) != Character.FORMAT
					&& !(Character.isSurrogate(ch) && !pairedSurrogate(s, i)) && ch != 0xFFFE && ch != 0xFFFF
					&& ch != 0x2028 && ch != 0x2029 && !(ch >= 0x80 && ch < 0xA0);
			if (keep && out == null) {
				continue;
			}
			if (out == null) {
				out = new StringBuilder(s.length());
				out.append(s, 0, i);
			}
			if (keep) {
				out.append(ch);
			}
			else if (ch == '\n' || ch == 0x2028 || ch == 0x2029) {
				out.append('\n');
			}
			else if (ch == '\r') {
				if (i + 1 >= s.length() || s.charAt(i + 1) != '\n') {
					out.append('\n');
				}
			}
			else if (ch == '\t') {
				out.append(' ');
			}
		}
		return (out == null) ? s : out.toString();
	}

	private static boolean pairedSurrogate(String s, int i) {
		char ch = s.charAt(i);
		if (Character.isHighSurrogate(ch)) {
			return i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
		}
		return i > 0 && Character.isHighSurrogate(s.charAt(i - 1));
	}

}
