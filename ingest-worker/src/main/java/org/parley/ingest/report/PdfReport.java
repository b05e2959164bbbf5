package org.parley.ingest.report;

import java.awt.Color;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.Deque;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;
import java.util.function.IntConsumer;

import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentCatalog;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.PageMode;
import org.apache.pdfbox.pdmodel.common.PDMetadata;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDMarkInfo;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureElement;
import org.apache.pdfbox.pdmodel.documentinterchange.taggedpdf.PDTableAttributeObject;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.destination.PDPageXYZDestination;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDDocumentOutline;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineItem;
import org.apache.pdfbox.pdmodel.interactive.viewerpreferences.PDViewerPreferences;
import org.parley.domain.discussion.Paragraph;
import org.parley.domain.outcome.CommentRecord;
import org.parley.domain.outline.BlockKind;
import org.parley.domain.participation.DiscussionStatistics;
import org.parley.ingest.report.PdfFonts.Face;
import org.parley.ingest.report.PdfLayout.Anchor;
import org.parley.ingest.report.PdfLayout.Line;
import org.parley.ingest.report.PdfLayout.Span;
import org.parley.ingest.report.PdfLayout.Style;

import static org.parley.ingest.report.PdfLayout.MEASURE;
import static org.parley.ingest.report.PdfLayout.MM;

/**
 * A consultation as a tagged PDF, laid out directly with PDFBox (ADR 0029): the cover,
 * the contents with page numbers, the figures, the responses by status, and each section
 * with its text, its votes as a bar and its comments with their replies and answers.
 * <p>
 * The structure tree has the document's headings (H1 to H4), paragraphs, lists, tables
 * with header cells and their scope, the vote bars as figures with their alternative
 * text, and the contents as links; the catalog has the language of the discussion, the
 * title (shown by the viewer), bookmarks that follow the sections, and XMP metadata.
 * <p>
 * The contents come second but are laid out last, when every heading's page is known:
 * their number of pages depends only on the entries' names, so it is counted first and
 * the pages after them are numbered as if they were there.
 */
final class PdfReport {

	private static final Color INK = new Color(0x1F2937);

	private static final Color DARK = new Color(0x111827);

	private static final Color MUTED = new Color(0x6B7280);

	private static final Color FAINT = new Color(0x9CA3AF);

	private static final Color ACCENT = new Color(0x1D4ED8);

	private static final Color RULE = new Color(0xE5E7EB);

	private static final Style BODY = new Style(Face.SERIF, 10.5f, INK, 15f);

	private static final Style META = new Style(Face.SANS, 8.5f, MUTED, 12f);

	private static final Style TABLE = new Style(Face.SANS, 9.5f, INK, 13f);

	private static final Style H1 = new Style(Face.SANS_BOLD, 20f, DARK, 26f);

	private static final Style H2 = new Style(Face.SANS_BOLD, 14f, DARK, 19f);

	private static final Style H3 = new Style(Face.SANS_BOLD, 12f, DARK, 16f);

	private static final Style H4 = new Style(Face.SANS_BOLD, 10.5f, new Color(0x374151), 14f);

	private static final Style NONE = new Style(Face.SANS_ITALIC, 9f, MUTED, 13f);

	private static final Style TOC_PART = new Style(Face.SANS_BOLD, 10.5f, DARK, 15f);

	private static final Style TOC_SECTION = new Style(Face.SANS, 9.5f, INK, 13.5f);

	private static final float TOC_NUMBER = 36;

	private static final float TOC_INDENT = 6 * MM;

	private static final float TOC_AFTER = 2;

	private static final float CHART_WIDTH = 55 * MM;

	private static final float CHART_HEIGHT = 3.5f * MM;

	private final Consultation c;

	private final ReportTexts t;

	private final PDDocument doc;

	private final PdfLayout layout;

	/**
	 * The contents' entries in order, with the anchors filled in as the headings are laid
	 * out.
	 */
	private final List<TocEntry> toc = new ArrayList<>();

	private final List<Heading> outline = new ArrayList<>();

	private static final class TocEntry {

		final String name;

		final int level;

		final String key;

		Anchor anchor;

		TocEntry(String name, int level, String key) {
			this.name = name;
			this.level = level;
			this.key = key;
		}

	}

	/**
	 * A heading for the bookmarks: level 0 the report's parts, then the sections' levels.
	 */
	private record Heading(String name, int level, Anchor anchor) {
	}

	private PdfReport(Consultation consultation, PDDocument doc, PdfFonts fonts) {
		this.c = consultation;
		this.t = new ReportTexts(consultation.language());
		this.doc = doc;
		this.layout = new PdfLayout(doc, fonts, this::running);
	}

	/**
	 * @param sectionsWritten told how many sections it has laid out, as it goes
	 */
	static void write(Consultation consultation, OutputStream out, IntConsumer sectionsWritten) throws IOException {
		try (PDDocument doc = new PDDocument(); PdfFonts fonts = new PdfFonts(doc)) {
			PdfReport report = new PdfReport(consultation, doc, fonts);
			report.build(sectionsWritten);
			report.catalog();
			doc.save(out);
		}
	}

	private void build(IntConsumer sectionsWritten) throws IOException {
		this.toc.add(new TocEntry(this.t.text("report.overview"), 1, "overview"));
		this.toc.add(new TocEntry(this.t.text("report.figures"), 1, "figures"));
		this.toc.add(new TocEntry(this.t.text("report.responses"), 1, "responses"));
		this.toc.add(new TocEntry(this.t.text("report.sections"), 1, "sections"));
		int top = this.c.sections().stream().mapToInt(Consultation.Part::level).min().orElse(1);
		for (Consultation.Part part : this.c.sections()) {
			if (part.level() <= top) {
				this.toc.add(new TocEntry(part.name(), 2, part.anchor()));
			}
		}
		this.layout.begin("Document");
		cover();
		PDPage coverPage = this.layout.page();
		PDStructureElement contents = this.layout.begin("TOC");
		this.layout.end();
		List<List<TocRow>> tocPages = tocPages();
		this.layout.lastPageNumber(1 + tocPages.size());

		overview();
		figures();
		responses();
		this.layout.newPage();
		part("sections", this.t.text("report.sections"));
		int written = 0;
		for (Consultation.Part part : this.c.sections()) {
			section(part);
			if (++written % 25 == 0) {
				sectionsWritten.accept(written);
			}
		}

		this.layout.insertAfter(coverPage);
		this.layout.lastPageNumber(1);
		this.layout.resume(contents);
		contents(tocPages);
		this.layout.end();
		this.layout.end();
		this.layout.finish();
	}

	private void cover() throws IOException {
		this.layout.plainPage();
		this.layout.artifact(
				s -> PdfLayout.rectangle(s, ACCENT, 0, PdfLayout.PAGE_HEIGHT - 9 * MM, PdfLayout.PAGE_WIDTH, 9 * MM));
		this.layout.moveTo(PdfLayout.PAGE_HEIGHT - 75 * MM);
		this.layout.begin("P");
		this.layout.paragraph(List.of(new Span(this.t.text("report.subtitle").toUpperCase(this.t.locale()),
				new Style(Face.SANS_BOLD, 10f, ACCENT, 14f))), 0);
		this.layout.end();
		this.layout.gap(10);
		this.layout.begin("H1");
		this.layout.paragraph(List.of(new Span(this.c.title(), new Style(Face.SANS_BOLD, 30f, DARK, 36f))), 0);
		this.layout.end();
		if (this.c.description() != null && !this.c.description().isBlank()) {
			this.layout.gap(14);
			this.layout.begin("P");
			this.layout.paragraph(List.of(new Span(this.c.description(), new Style(Face.SERIF, 13f, INK, 19f))), 0,
					MEASURE * 0.85f);
			this.layout.end();
		}
		this.layout.gap(28);
		this.layout.begin("P");
		Style fact = new Style(Face.SANS, 10f, INK, 15f);
		this.layout.paragraph(List.of(new Span(this.t.text("report.opened") + ": ", fact.with(MUTED)),
				new Span(this.t.dateTime((this.c.opensAt() != null) ? this.c.opensAt() : this.c.publishedAt(),
						this.c.zone()), fact),
				new Span("\n" + this.t.text("report.closed") + ": ", fact.with(MUTED)),
				new Span(this.t.dateTime(this.c.closesAt(), this.c.zone()), fact)), 0);
		this.layout.end();
		this.layout.moveTo(PdfLayout.BOTTOM + 22 * MM);
		float rule = this.layout.y();
		this.layout.artifact(s -> PdfLayout.rectangle(s, RULE, PdfLayout.LEFT, rule, MEASURE, 0.8f));
		this.layout.gap(8);
		this.layout.begin("P");
		this.layout
			.paragraph(List.of(new Span(this.t.text("report.made", this.t.dateTime(this.c.madeAt(), this.c.zone())),
					new Style(Face.SANS, 9f, MUTED, 13f))), 0);
		this.layout.end();
	}

	private void running(PdfLayout pages, int number) throws IOException {
		Style head = new Style(Face.SANS, 8f, MUTED, 10f);
		String title = PdfLayout.clean(this.c.title()).replace('\n', ' ');
		PdfFonts fonts = pages.fonts();
		float max = MEASURE - 60;
		if (fonts.width1000(title, Face.SANS) * head.size() / 1000f > max) {
			while (title.length() > 1 && fonts.width1000(title + "…", Face.SANS) * head.size() / 1000f > max) {
				title = title.substring(0, title.length() - 1);
			}
			title = title.strip() + "…";
		}
		float headTop = PdfLayout.PAGE_HEIGHT - 13 * MM;
		pages.runningLine(List.of(new Span(title, head)), PdfLayout.LEFT, headTop, false);
		pages.artifact(s -> PdfLayout.rectangle(s, RULE, PdfLayout.LEFT, headTop - 13, MEASURE, 0.6f));
		float footTop = PdfLayout.BOTTOM - 9 * MM;
		pages.runningLine(List.of(new Span("Parley", head.with(FAINT))), PdfLayout.LEFT, footTop, false);
		pages.runningLine(List.of(new Span(this.t.text("report.footer", number), head)), PdfLayout.RIGHT, footTop,
				true);
	}

	/**
	 * A line of the contents: the entry's name broken into lines, its page on the last.
	 */
	private record TocRow(TocEntry entry, List<Line> lines, float height) {
	}

	/**
	 * The contents cut into pages, from the names alone: the same before and after
	 * layout.
	 */
	private List<List<TocRow>> tocPages() throws IOException {
		List<List<TocRow>> pages = new ArrayList<>();
		List<TocRow> page = new ArrayList<>();
		pages.add(page);
		float room = PdfLayout.TOP - PdfLayout.BOTTOM - H1.leading() - 16;
		for (TocEntry e : this.toc) {
			Style style = (e.level == 1) ? TOC_PART : TOC_SECTION;
			float indent = (e.level == 1) ? 0 : TOC_INDENT;
			List<Line> lines = this.layout.lines(List.of(new Span(e.name, style)), MEASURE - indent - TOC_NUMBER - 8);
			float height = tocBefore(e) + (float) lines.stream().mapToDouble(Line::height).sum() + TOC_AFTER;
			// A point to spare, so that rounding never makes the pages laid out differ
			// from these.
			if (height > room - 1 && !page.isEmpty()) {
				page = new ArrayList<>();
				pages.add(page);
				room = PdfLayout.TOP - PdfLayout.BOTTOM;
			}
			page.add(new TocRow(e, lines, height));
			room -= height;
		}
		return pages;
	}

	private static float tocBefore(TocEntry e) {
		return (e.level == 1) ? 6 : 0;
	}

	private void contents(List<List<TocRow>> pages) throws IOException {
		Style number = new Style(Face.SANS, 9.5f, INK, 13.5f);
		boolean first = true;
		for (List<TocRow> rows : pages) {
			this.layout.newPage();
			if (first) {
				heading("H1", List.of(new Span(this.t.text("report.contents"), H1)), 0);
				this.layout.gap(16);
				first = false;
			}
			for (TocRow row : rows) {
				TocEntry e = row.entry();
				float indent = (e.level == 1) ? 0 : TOC_INDENT;
				this.layout.gap(tocBefore(e));
				float top = this.layout.y();
				this.layout.begin("TOCI");
				this.layout.begin("Link");
				this.layout.place(row.lines(), indent, false);
				Line last = row.lines().get(row.lines().size() - 1);
				float lastTop = this.layout.y() + last.height();
				Style style = (e.level == 1) ? TOC_PART : number;
				List<Line> page = this.layout.lines(List.of(new Span(Integer.toString(e.anchor.number()), style)),
						TOC_NUMBER);
				this.layout.drawLine(page.get(0), MEASURE - page.get(0).width(), lastTop);
				float leaderStart = PdfLayout.LEFT + indent + last.width() + 4;
				float leaderEnd = PdfLayout.LEFT + MEASURE - page.get(0).width() - 4;
				float leaderY = lastTop - (last.height() - style.size()) / 2f - 0.8f * style.size() + 1;
				if (leaderEnd > leaderStart) {
					this.layout.artifact(s -> {
						s.setStrokingColor(FAINT);
						s.setLineWidth(0.9f);
						s.setLineCapStyle(1);
						s.setLineDashPattern(new float[] { 0.01f, 3f }, 0);
						s.moveTo(leaderStart, leaderY);
						s.lineTo(leaderEnd, leaderY);
						s.stroke();
					});
				}
				this.layout.link(indent, this.layout.y(), MEASURE - indent, top - this.layout.y(), e.anchor, e.name);
				this.layout.end();
				this.layout.end();
				this.layout.gap(TOC_AFTER);
			}
		}
	}

	/** A heading in its own element, kept with what follows; returns where it is. */
	private Anchor heading(String type, List<Span> spans, float keepWith) throws IOException {
		List<Line> lines = this.layout.lines(spans, MEASURE);
		float height = (float) lines.stream().mapToDouble(Line::height).sum();
		this.layout.keep(height + keepWith);
		Anchor anchor = this.layout.here();
		this.layout.begin(type);
		this.layout.place(lines, 0, false);
		this.layout.end();
		return anchor;
	}

	/** One of the report's parts: a heading of the first level with a rule under it. */
	private void part(String key, String name) throws IOException {
		Anchor anchor = heading("H1", List.of(new Span(name, H1)), 60);
		float rule = this.layout.y() - 3;
		this.layout.artifact(s -> PdfLayout.rectangle(s, ACCENT, PdfLayout.LEFT, rule, MEASURE, 1.5f));
		this.layout.moveTo(rule);
		this.layout.gap(14);
		anchorAt(key, anchor);
		this.outline.add(new Heading(name, 0, anchor));
	}

	private void anchorAt(String key, Anchor anchor) {
		for (TocEntry e : this.toc) {
			if (e.key.equals(key)) {
				e.anchor = anchor;
			}
		}
	}

	private void overview() throws IOException {
		this.layout.newPage();
		part("overview", this.t.text("report.overview"));
		DiscussionStatistics s = this.c.statistics();
		tiles(List.of(
				new String[] { (s.positivePercent() != null) ? s.positivePercent() + " %" : "–",
						this.t.text("report.positive") },
				new String[] { this.t.number(this.c.participants()), this.t.text("report.participants") },
				new String[] { this.t.number(s.totalVotes()), this.t.text("report.votes") },
				new String[] { this.t.number(s.totalComments()), this.t.text("report.comments") }));
		this.layout.gap(18);
		Table table = new Table(new float[] { 0.5f, 0.5f }, new boolean[] { false, false });
		table.row(true, false, this.t.text("report.status"), this.t.text("status." + this.c.status().name()));
		table.row(true, false, this.t.text("report.published"), this.t.date(this.c.publishedAt(), this.c.zone()));
		table.row(true, false, this.t.text("report.opened"),
				this.t.dateTime((this.c.opensAt() != null) ? this.c.opensAt() : this.c.publishedAt(), this.c.zone()));
		table.row(true, false, this.t.text("report.closed"), this.t.dateTime(this.c.closesAt(), this.c.zone()));
		table.row(true, false, this.t.text("report.invited"), this.t.number(this.c.invited()));
		table.row(true, false, this.t.text("report.participants"), this.t.number(this.c.participants()));
		table.row(true, false, this.t.text("report.votes"),
				this.t.number(s.totalVotes()) + ((s.positivePercent() != null)
						? " · " + this.t.text("report.sectionPercent", s.positivePercent()) : ""));
		table.row(true, false, this.t.text("report.comments"), this.t.number(s.totalComments()));
		table.draw();
	}

	private void tiles(List<String[]> tiles) throws IOException {
		float gap = 4 * MM;
		float width = (MEASURE - 3 * gap) / 4;
		float padding = 9;
		Style value = new Style(Face.SANS_BOLD, 20f, ACCENT, 25f);
		Style key = new Style(Face.SANS, 8.5f, new Color(0x4B5563), 11.5f);
		List<List<Line>> keys = new ArrayList<>();
		List<List<Line>> values = new ArrayList<>();
		float height = 0;
		for (String[] tile : tiles) {
			values.add(this.layout.lines(List.of(new Span(tile[0], value)), width - 2 * padding));
			List<Line> k = this.layout.lines(List.of(new Span(tile[1], key)), width - 2 * padding);
			keys.add(k);
			height = Math.max(height, value.leading() + k.size() * key.leading());
		}
		float boxHeight = height + 2 * padding;
		this.layout.keep(boxHeight);
		float top = this.layout.y();
		for (int i = 0; i < tiles.size(); i++) {
			float x = i * (width + gap);
			this.layout.artifact(s -> {
				s.setNonStrokingColor(new Color(0xF3F4F6));
				PdfLayout.roundedRectangle(s, PdfLayout.LEFT + x, top - boxHeight, width, boxHeight, 2 * MM);
				s.fill();
			});
			this.layout.begin("P");
			float y = top - padding;
			this.layout.drawLine(values.get(i).get(0), x + padding, y);
			y -= value.leading();
			for (Line line : keys.get(i)) {
				this.layout.drawLine(line, x + padding, y);
				y -= line.height();
			}
			this.layout.end();
		}
		this.layout.moveTo(top - boxHeight);
	}

	private void figures() throws IOException {
		this.layout.newPage();
		part("figures", this.t.text("report.figures"));
		DiscussionStatistics s = this.c.statistics();
		ranked(this.t.text("report.mostVoted"), s.mostVoted(), "report.rankedVotes");
		ranked(this.t.text("report.mostCommented"), s.mostCommented(), "report.rankedComments");
		ranked(this.t.text("report.mostControversial"), s.mostControversial(), "report.rankedVotes");
		this.layout.gap(10);
		this.layout.begin("P");
		this.layout.paragraph(List
			.of(new Span(this.t.text("report.controversyRule", DiscussionStatistics.CONTROVERSY_MIN_VOTES), NONE)), 0);
		this.layout.end();
	}

	private void ranked(String name, List<DiscussionStatistics.Ranked> ranks, String countKey) throws IOException {
		this.layout.gap(14);
		heading("H2", List.of(new Span(name, H2)), 40);
		this.layout.gap(4);
		if (ranks.isEmpty()) {
			this.layout.begin("P");
			this.layout.paragraph(List.of(new Span(this.t.text("report.none"), NONE)), 0);
			this.layout.end();
			return;
		}
		Table table = new Table(new float[] { 0.08f, 0.67f, 0.25f }, new boolean[] { true, false, true });
		int place = 1;
		for (DiscussionStatistics.Ranked r : ranks) {
			table.row(false, false, (place++) + ".", this.c.sectionName(r.section()), this.t.text(countKey, r.count()));
		}
		table.draw();
	}

	private void responses() throws IOException {
		this.layout.newPage();
		part("responses", this.t.text("report.responses"));
		Table table = new Table(new float[] { 0.7f, 0.3f }, new boolean[] { false, true });
		table.header(this.t.text("report.responseStatus"), this.t.text("report.responseCount"));
		long total = 0;
		for (Map.Entry<String, Long> e : this.c.responses().entrySet()) {
			total += e.getValue();
			table.row(false, false, this.t.status(e.getKey()), this.t.number(e.getValue()));
		}
		table.row(false, true, this.t.text("report.responseTotal"), this.t.number(total));
		table.draw();
	}

	/**
	 * A table of short texts, tagged Table, TR, TH and TD: a row is kept on one page, the
	 * header row's cells are column headers, a row's first cell a row header if asked.
	 */
	private final class Table {

		private record Row(boolean header, boolean rowHeader, boolean total, String[] cells) {
		}

		private final float[] widths;

		private final boolean[] right;

		private final List<Row> rows = new ArrayList<>();

		Table(float[] shares, boolean[] right) {
			this.widths = new float[shares.length];
			for (int i = 0; i < shares.length; i++) {
				this.widths[i] = shares[i] * MEASURE;
			}
			this.right = right;
		}

		void header(String... cells) {
			this.rows.add(new Row(true, false, false, cells));
		}

		void row(boolean rowHeader, boolean total, String... cells) {
			this.rows.add(new Row(false, rowHeader, total, cells));
		}

		void draw() throws IOException {
			float padX = 7;
			float padY = 5;
			PdfLayout l = PdfReport.this.layout;
			l.begin("Table");
			for (Row row : this.rows) {
				List<List<Line>> cells = new ArrayList<>();
				float height = 0;
				for (int i = 0; i < row.cells().length; i++) {
					Style style = TABLE;
					if (row.header()) {
						style = new Style(Face.SANS_BOLD, 9f, new Color(0x1E3A8A), 13f);
					}
					else if (row.total() || (row.rowHeader() && i == 0)) {
						style = TABLE.with(row.total() ? Face.SANS_BOLD : Face.SANS)
							.with(row.total() ? DARK : new Color(0x374151));
					}
					List<Line> lines = l.lines(List.of(new Span(row.cells()[i], style)), this.widths[i] - 2 * padX);
					cells.add(lines);
					height = Math.max(height, (float) lines.stream().mapToDouble(Line::height).sum());
				}
				float rowHeight = height + 2 * padY;
				l.keep(rowHeight);
				float top = l.y();
				if (row.header()) {
					l.artifact(s -> PdfLayout.rectangle(s, new Color(0xEEF2FF), PdfLayout.LEFT, top - rowHeight,
							MEASURE, rowHeight));
				}
				l.begin("TR");
				float x = 0;
				for (int i = 0; i < cells.size(); i++) {
					boolean th = row.header() || (row.rowHeader() && i == 0);
					PDStructureElement cell = l.begin(th ? "TH" : "TD");
					if (th) {
						PDTableAttributeObject scope = new PDTableAttributeObject();
						scope.setScope(
								row.header() ? PDTableAttributeObject.SCOPE_COLUMN : PDTableAttributeObject.SCOPE_ROW);
						cell.addAttribute(scope);
					}
					float y = top - padY;
					for (Line line : cells.get(i)) {
						float lx = this.right[i] ? x + this.widths[i] - padX - line.width() : x + padX;
						l.drawLine(line, lx, y);
						y -= line.height();
					}
					l.end();
					x += this.widths[i];
				}
				l.end();
				Color border = row.header() ? new Color(0xC7D2FE) : RULE;
				float weight = row.header() ? 1f : 0.5f;
				if (row.total()) {
					l.artifact(s -> PdfLayout.rectangle(s, FAINT, PdfLayout.LEFT, top - 0.5f, MEASURE, 1f));
				}
				else {
					l.artifact(s -> PdfLayout.rectangle(s, border, PdfLayout.LEFT, top - rowHeight, MEASURE, weight));
				}
				l.moveTo(top - rowHeight);
			}
			l.end();
		}

	}

	private void section(Consultation.Part part) throws IOException {
		int depth = Math.min(3, Math.max(2, part.level() + 1));
		Style style = (depth == 2) ? H2 : H3;
		this.layout.gap((depth == 2) ? 20 : 14);
		List<Span> name = new ArrayList<>();
		if (part.label() != null && !part.label().isBlank()) {
			name.add(new Span(part.label() + " ", style.with(ACCENT)));
		}
		name.add(new Span((part.heading() != null) ? part.heading() : "", style));
		Anchor anchor = heading("H" + depth, name, 45);
		anchorAt(part.anchor(), anchor);
		this.outline.add(new Heading(part.name(), part.level(), anchor));
		this.layout.gap(5);
		boolean inList = false;
		for (Paragraph p : part.paragraphs()) {
			boolean item = p.kind() == BlockKind.LIST_ITEM;
			if (item && !inList) {
				this.layout.begin("L");
				inList = true;
			}
			else if (!item && inList) {
				this.layout.end();
				inList = false;
			}
			if (item) {
				this.layout.begin("LI");
				this.layout.begin("LBody");
				this.layout.paragraph(List.of(new Span(p.text(), BODY)), 5 * MM);
				this.layout.end();
				this.layout.end();
			}
			else {
				this.layout.begin("P");
				this.layout.paragraph(List.of(new Span(p.text(), BODY)), 0);
				this.layout.end();
			}
			this.layout.gap(5);
		}
		if (inList) {
			this.layout.end();
		}
		votes(part);
		this.layout.gap(8);
		if (part.threads().isEmpty()) {
			this.layout.begin("P");
			this.layout.paragraph(List.of(new Span(this.t.text("report.noComments"), NONE)), 0);
			this.layout.end();
			return;
		}
		// One level under the section's heading, whatever it looks like: a skipped level
		// fails PDF/UA (Matterhorn 14-003).
		heading("H" + (depth + 1), List.of(new Span(this.t.text("report.commentsHeading", part.shownComments()), H4)),
				50);
		for (Consultation.Thread thread : part.threads()) {
			comment(thread, 0);
		}
	}

	private void votes(Consultation.Part part) throws IOException {
		int agree = part.votes().agree();
		int disagree = part.votes().disagree();
		Style figures = new Style(Face.SANS, 9f, new Color(0x374151), 13f);
		this.layout.keep(figures.leading() + 4);
		this.layout.gap(3);
		float top = this.layout.y();
		PDStructureElement figure = this.layout.begin("Figure");
		figure.setAlternateDescription(this.t.text("report.chartAlt", agree, disagree));
		float x = PdfLayout.LEFT;
		float y = top - (figures.leading() + CHART_HEIGHT) / 2f;
		this.layout.figure(s -> chart(s, x, y, agree, disagree));
		this.layout.end();
		this.layout.begin("P");
		List<Span> text = new ArrayList<>();
		if (part.votes().total() == 0) {
			text.add(new Span(this.t.text("report.noVotes"), NONE));
		}
		else {
			text.add(new Span(this.t.text("report.agree", agree), figures.with(Face.SANS_BOLD).with(VoteChart.AGREE)));
			text.add(new Span(" · ", figures));
			text.add(new Span(this.t.text("report.disagree", disagree),
					figures.with(Face.SANS_BOLD).with(VoteChart.DISAGREE)));
			text.add(new Span(" · " + this.t.text("report.sectionPercent", part.votes().positivePercent()), figures));
		}
		this.layout.moveTo(top);
		this.layout.paragraph(text, CHART_WIDTH + 4 * MM);
		this.layout.end();
	}

	/**
	 * The vote bar of {@link VoteChart}, as vector shapes: sharp at any zoom and in
	 * print.
	 */
	private static void chart(PDPageContentStream s, float x, float y, int agree, int disagree) throws IOException {
		float r = CHART_HEIGHT / 2f;
		s.setNonStrokingColor(VoteChart.TRACK);
		PdfLayout.roundedRectangle(s, x, y, CHART_WIDTH, CHART_HEIGHT, r);
		s.fill();
		int total = agree + disagree;
		if (total == 0) {
			return;
		}
		PdfLayout.roundedRectangle(s, x, y, CHART_WIDTH, CHART_HEIGHT, r);
		s.clip();
		float split = CHART_WIDTH * agree / total;
		PdfLayout.rectangle(s, VoteChart.AGREE, x, y, split, CHART_HEIGHT);
		PdfLayout.rectangle(s, VoteChart.DISAGREE, x + split, y, CHART_WIDTH - split, CHART_HEIGHT);
		if (agree > 0 && disagree > 0) {
			PdfLayout.rectangle(s, Color.WHITE, x + split - 0.5f, y, 1f, CHART_HEIGHT);
		}
	}

	private void comment(Consultation.Thread thread, int depth) throws IOException {
		CommentRecord c = thread.comment();
		float indent = depth * 6 * MM;
		float text = indent + 4 * MM;
		float measure = MEASURE - text;
		this.layout.gap(depth == 0 ? 10 : 7);
		this.layout.keep(META.leading() + 2 * BODY.leading());
		this.layout.begin("Div");
		this.layout.openBar(indent, 1.5f, (depth == 0) ? new Color(0xD1D5DB) : RULE);
		StringBuilder meta = new StringBuilder(" · ").append(this.t.dateTime(c.createdAt(), this.c.zone()));
		if (c.paragraphNumber() != null) {
			meta.append(" · ").append(this.t.text("report.onParagraph", c.paragraphNumber()));
		}
		if (c.up() + c.down() > 0) {
			meta.append(" · ").append(this.t.text("report.votesOnComment", c.up(), c.down()));
		}
		this.layout.begin("P");
		this.layout.paragraph(
				List.of(new Span(c.author(), META.with(Face.SANS_BOLD).with(DARK)), new Span(meta.toString(), META)),
				text, measure);
		this.layout.end();
		if (thread.copies() > 1) {
			this.layout.gap(3);
			Style badge = new Style(Face.SANS_BOLD, 8f, new Color(0x92400E), 11f);
			PDStructureElement copies = this.layout.begin("P");
			List<Line> lines = this.layout
				.lines(List.of(new Span(this.t.text("report.copies", thread.copies()), badge)), measure - 12);
			float width = (float) lines.stream().mapToDouble(Line::width).max().orElse(0) + 10;
			this.layout.box(List.of(Map.entry(copies, lines)), text, width, 2, new Color(0xFEF3C7), null);
			this.layout.end();
		}
		if (c.quote() != null && !c.quote().isBlank()) {
			this.layout.gap(4);
			this.layout.begin("BlockQuote");
			this.layout.openBar(text, 1f, new Color(0x93C5FD));
			this.layout.paragraph(
					List.of(new Span("“" + c.quote() + "”",
							new Style(Face.SERIF_ITALIC, 10f, new Color(0x4B5563), 14f))),
					text + 3 * MM, measure - 3 * MM);
			this.layout.closeBar();
			this.layout.end();
		}
		boolean first = true;
		for (String body : c.text().split("\\R\\s*\\R+")) {
			this.layout.gap(first ? 3 : 5);
			first = false;
			this.layout.begin("P");
			this.layout.paragraph(List.of(new Span(body, BODY)), text, measure);
			this.layout.end();
		}
		if (c.responseStatus() != null) {
			this.layout.gap(6);
			this.layout.begin("Div");
			PDStructureElement status = this.layout.begin("P");
			this.layout.end();
			List<Map.Entry<PDStructureElement, List<Line>>> parts = new ArrayList<>();
			float inner = measure - 2 * 6 - 3;
			parts.add(Map.entry(status,
					this.layout
						.lines(List.of(new Span(this.t.text("report.response", this.t.status(c.responseStatus())),
								new Style(Face.SANS_BOLD, 8.5f, new Color(0x075985), 13f))), inner)));
			if (c.responseText() != null && !c.responseText().isBlank()) {
				PDStructureElement answer = this.layout.begin("P");
				this.layout.end();
				parts.add(Map.entry(answer, this.layout
					.lines(List.of(new Span(c.responseText(), new Style(Face.SERIF, 10f, INK, 14.5f))), inner)));
			}
			this.layout.box(parts, text, measure, 6, new Color(0xF0F9FF), new Color(0x0284C7));
			this.layout.end();
		}
		for (Consultation.Thread reply : thread.replies()) {
			comment(reply, depth + 1);
		}
		this.layout.closeBar();
		this.layout.end();
	}

	private void catalog() throws IOException {
		// PDF/UA-1 is a profile of PDF 1.7.
		this.doc.setVersion(1.7f);
		PDDocumentCatalog catalog = this.doc.getDocumentCatalog();
		catalog.setLanguage(this.t.locale().toLanguageTag());
		PDMarkInfo mark = new PDMarkInfo();
		mark.setMarked(true);
		catalog.setMarkInfo(mark);
		catalog.setStructureTreeRoot(this.layout.root());
		PDViewerPreferences viewer = new PDViewerPreferences(new COSDictionary());
		viewer.setDisplayDocTitle(true);
		catalog.setViewerPreferences(viewer);
		catalog.setPageMode(PageMode.USE_OUTLINES);

		PDDocumentInformation info = this.doc.getDocumentInformation();
		String title = PdfLayout.clean(this.c.title());
		info.setTitle(title);
		info.setSubject(this.t.text("report.subtitle"));
		info.setAuthor("Parley");
		info.setCreator("Parley");
		info.setProducer("Parley with Apache PDFBox");
		Calendar made = GregorianCalendar.from(this.c.madeAt().toZonedDateTime());
		made.setTimeZone(TimeZone.getTimeZone(this.c.madeAt().getOffset()));
		info.setCreationDate(made);
		PDMetadata metadata = new PDMetadata(this.doc);
		metadata.importXMPMetadata(xmp(title).getBytes(StandardCharsets.UTF_8));
		catalog.setMetadata(metadata);

		PDDocumentOutline bookmarks = new PDDocumentOutline();
		catalog.setDocumentOutline(bookmarks);
		PDOutlineItem sections = null;
		Deque<Map.Entry<Integer, PDOutlineItem>> open = new ArrayDeque<>();
		for (Heading h : this.outline) {
			PDOutlineItem item = new PDOutlineItem();
			item.setTitle(PdfLayout.clean(h.name()).replace('\n', ' '));
			PDPageXYZDestination target = new PDPageXYZDestination();
			target.setPage(h.anchor().page());
			target.setTop((int) h.anchor().top() + 4);
			target.setLeft(0);
			item.setDestination(target);
			if (h.level() == 0) {
				bookmarks.addLast(item);
				sections = item;
				open.clear();
				continue;
			}
			while (!open.isEmpty() && open.peek().getKey() >= h.level()) {
				open.pop();
			}
			PDOutlineItem parent = open.isEmpty() ? sections : open.peek().getValue();
			parent.addLast(item);
			open.push(Map.entry(h.level(), item));
		}
		bookmarks.openNode();
		if (sections != null) {
			sections.openNode();
		}
	}

	/** The XMP packet: title, language, dates, and PDF/UA-1 as the aim (ISO 14289-1). */
	private String xmp(String title) {
		String made = DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(this.c.madeAt());
		return """
				<?xpacket begin="\uFEFF" id="W5M0MpCehiHzreSzNTczkc9d"?>
				<x:xmpmeta xmlns:x="adobe:ns:meta/">
				<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
				<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/"
				 xmlns:pdf="http://ns.adobe.com/pdf/1.3/" xmlns:xmp="http://ns.adobe.com/xap/1.0/"
				 xmlns:pdfuaid="http://www.aiim.org/pdfua/ns/id/">
				<dc:title><rdf:Alt><rdf:li xml:lang="x-default">%s</rdf:li></rdf:Alt></dc:title>
				<dc:description><rdf:Alt><rdf:li xml:lang="x-default">%s</rdf:li></rdf:Alt></dc:description>
				<dc:creator><rdf:Seq><rdf:li>Parley</rdf:li></rdf:Seq></dc:creator>
				<dc:language><rdf:Bag><rdf:li>%s</rdf:li></rdf:Bag></dc:language>
				<dc:format>application/pdf</dc:format>
				<pdf:Producer>%s</pdf:Producer>
				<xmp:CreatorTool>Parley</xmp:CreatorTool>
				<xmp:CreateDate>%s</xmp:CreateDate>
				<pdfuaid:part>1</pdfuaid:part>
				</rdf:Description>
				</rdf:RDF>
				</x:xmpmeta>
				<?xpacket end="w"?>""".formatted(xml(title), xml(this.t.text("report.subtitle")),
				xml(this.t.locale().toLanguageTag()), xml(this.doc.getDocumentInformation().getProducer()), made);
	}

	private static String xml(String s) {
		return (s == null) ? "" : s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
	}

}
