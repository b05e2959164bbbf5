package org.parley.ingest.report;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntConsumer;

import org.apache.poi.common.usermodel.PictureType;
import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
import org.apache.poi.util.Units;
import org.apache.poi.wp.usermodel.HeaderFooterType;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFFooter;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFStyle;
import org.apache.poi.xwpf.usermodel.XWPFStyles;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.openxmlformats.schemas.drawingml.x2006.wordprocessingDrawing.CTInline;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPPrGeneral;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTRPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTStyle;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STStyleType;
import org.parley.domain.discussion.Paragraph;
import org.parley.domain.outcome.CommentRecord;
import org.parley.domain.participation.DiscussionStatistics;

/**
 * A consultation as a Word document, with Apache POI's XWPF: real heading styles (so that
 * Word's navigation pane and a generated table of contents follow the sections), the
 * document's language and title in its properties, page numbers in the footer, and each
 * section's votes as a small picture with its alternative text.
 */
final class DocxReport {

	private static final String ACCENT = "1D4ED8";

	private static final String MUTED = "6B7280";

	private final Consultation c;

	private final ReportTexts t;

	private final XWPFDocument doc = new XWPFDocument();

	private final Map<Long, byte[]> charts = new HashMap<>();

	/** Tables whose first row is still empty. */
	private final java.util.Set<XWPFTable> unused = java.util.Collections
		.newSetFromMap(new java.util.IdentityHashMap<>());

	private DocxReport(Consultation consultation) {
		this.c = consultation;
		this.t = new ReportTexts(consultation.language());
	}

	static void write(Consultation consultation, OutputStream out, IntConsumer sectionsWritten) throws IOException {
		DocxReport report = new DocxReport(consultation);
		try (XWPFDocument doc = report.doc) {
			report.build(sectionsWritten);
			doc.write(out);
		}
	}

	private void build(IntConsumer sectionsWritten) throws IOException {
		XWPFStyles styles = this.doc.createStyles();
		styles.setSpellingLanguage(this.t.locale().toLanguageTag());
		heading(styles, "Title", "Title", 0, 56, ACCENT);
		heading(styles, "Heading1", "heading 1", 1, 36, "111827");
		heading(styles, "Heading2", "heading 2", 2, 28, "111827");
		heading(styles, "Heading3", "heading 3", 3, 24, "1F2937");
		heading(styles, "Heading4", "heading 4", 4, 21, "374151");
		this.doc.getProperties().getCoreProperties().setTitle(this.c.title());
		this.doc.getProperties().getCoreProperties().setSubjectProperty(this.t.text("report.subtitle"));
		this.doc.getProperties().getCoreProperties().setCreator("Parley");
		footer();

		XWPFParagraph kicker = this.doc.createParagraph();
		run(kicker, this.t.text("report.subtitle").toUpperCase(this.t.locale()), true, ACCENT, 18);
		styled("Title", this.c.title());
		if (this.c.description() != null && !this.c.description().isBlank()) {
			run(this.doc.createParagraph(), this.c.description(), false, "374151", 24);
		}
		run(this.doc.createParagraph(), this.t.text("report.made", this.t.dateTime(this.c.madeAt(), this.c.zone())),
				false, MUTED, 18);

		styled("Heading1", this.t.text("report.overview"));
		DiscussionStatistics s = this.c.statistics();
		XWPFTable overview = table(2);
		line(overview, this.t.text("report.status"), this.t.text("status." + this.c.status().name()));
		line(overview, this.t.text("report.published"), this.t.date(this.c.publishedAt(), this.c.zone()));
		line(overview, this.t.text("report.opened"),
				this.t.dateTime((this.c.opensAt() != null) ? this.c.opensAt() : this.c.publishedAt(), this.c.zone()));
		line(overview, this.t.text("report.closed"), this.t.dateTime(this.c.closesAt(), this.c.zone()));
		line(overview, this.t.text("report.invited"), this.t.number(this.c.invited()));
		line(overview, this.t.text("report.participants"), this.t.number(this.c.participants()));
		line(overview, this.t.text("report.positive"),
				(s.positivePercent() != null) ? s.positivePercent() + " %" : this.t.text("report.noVotes"));
		line(overview, this.t.text("report.votes"), this.t.number(s.totalVotes()));
		line(overview, this.t.text("report.comments"), this.t.number(s.totalComments()));

		styled("Heading1", this.t.text("report.figures"));
		ranked(this.t.text("report.mostVoted"), s.mostVoted(), "report.rankedVotes");
		ranked(this.t.text("report.mostCommented"), s.mostCommented(), "report.rankedComments");
		ranked(this.t.text("report.mostControversial"), s.mostControversial(), "report.rankedVotes");
		XWPFParagraph rule = this.doc.createParagraph();
		run(rule, this.t.text("report.controversyRule", DiscussionStatistics.CONTROVERSY_MIN_VOTES), false, MUTED, 17)
			.setItalic(true);

		styled("Heading1", this.t.text("report.responses"));
		XWPFTable responses = table(2);
		header(responses, this.t.text("report.responseStatus"), this.t.text("report.responseCount"));
		long total = 0;
		for (Map.Entry<String, Long> e : this.c.responses().entrySet()) {
			total += e.getValue();
			line(responses, this.t.status(e.getKey()), this.t.number(e.getValue()));
		}
		line(responses, this.t.text("report.responseTotal"), this.t.number(total));

		XWPFParagraph sections = styled("Heading1", this.t.text("report.sections"));
		sections.setPageBreak(true);
		int written = 0;
		for (Consultation.Part part : this.c.sections()) {
			section(part);
			if (++written % 25 == 0) {
				sectionsWritten.accept(written);
			}
		}
	}

	private void section(Consultation.Part part) throws IOException {
		int depth = Math.min(3, Math.max(2, part.level() + 1));
		styled("Heading" + depth, part.name());
		for (Paragraph p : part.paragraphs()) {
			XWPFParagraph para = this.doc.createParagraph();
			para.setAlignment(ParagraphAlignment.BOTH);
			para.setSpacingAfter(120);
			run(para, p.text(), false, null, 21);
		}
		int agree = part.votes().agree();
		int disagree = part.votes().disagree();
		XWPFParagraph votes = this.doc.createParagraph();
		XWPFRun picture = votes.createRun();
		try {
			picture.addPicture(new ByteArrayInputStream(chart(agree, disagree)), PictureType.PNG, "votes.png",
					Units.toEMU(170), Units.toEMU(10));
		}
		catch (InvalidFormatException ex) {
			throw new IOException(ex);
		}
		CTInline inline = picture.getCTR().getDrawingArray(0).getInlineArray(0);
		inline.getDocPr().setDescr(this.t.text("report.chartAlt", agree, disagree));
		String figures = (part.votes().total() == 0) ? this.t.text("report.noVotes")
				: this.t.text("report.sectionVotes", agree, disagree) + " · "
						+ this.t.text("report.sectionPercent", part.votes().positivePercent());
		run(votes, "   " + figures, false, "374151", 18);
		if (part.threads().isEmpty()) {
			run(this.doc.createParagraph(), this.t.text("report.noComments"), false, MUTED, 18).setItalic(true);
			return;
		}
		styled("Heading4", this.t.text("report.commentsHeading", part.shownComments()));
		for (Consultation.Thread thread : part.threads()) {
			comment(thread, 0);
		}
	}

	private void comment(Consultation.Thread thread, int depth) {
		CommentRecord c = thread.comment();
		int indent = 240 + depth * 400;
		XWPFParagraph meta = this.doc.createParagraph();
		meta.setIndentationLeft(indent);
		meta.setSpacingBefore(160);
		meta.setSpacingAfter(20);
		meta.setKeepNext(true);
		run(meta, c.author(), true, "111827", 17);
		StringBuilder rest = new StringBuilder(" · ").append(this.t.dateTime(c.createdAt(), this.c.zone()));
		if (c.paragraphNumber() != null) {
			rest.append(" · ").append(this.t.text("report.onParagraph", c.paragraphNumber()));
		}
		if (c.up() + c.down() > 0) {
			rest.append(" · ").append(this.t.text("report.votesOnComment", c.up(), c.down()));
		}
		run(meta, rest.toString(), false, MUTED, 17);
		if (thread.copies() > 1) {
			XWPFParagraph copies = this.doc.createParagraph();
			copies.setIndentationLeft(indent);
			XWPFRun r = run(copies, this.t.text("report.copies", thread.copies()), true, "92400E", 16);
			r.getCTR()
				.addNewRPr()
				.addNewHighlight()
				.setVal(org.openxmlformats.schemas.wordprocessingml.x2006.main.STHighlightColor.YELLOW);
		}
		if (c.quote() != null && !c.quote().isBlank()) {
			XWPFParagraph quote = this.doc.createParagraph();
			quote.setIndentationLeft(indent + 200);
			run(quote, "“" + c.quote() + "”", false, "4B5563", 19).setItalic(true);
		}
		XWPFParagraph body = this.doc.createParagraph();
		body.setIndentationLeft(indent);
		body.setSpacingAfter(60);
		run(body, c.text(), false, null, 20);
		if (c.responseStatus() != null) {
			XWPFParagraph response = this.doc.createParagraph();
			response.setIndentationLeft(indent + 200);
			response.setBorderLeft(org.apache.poi.xwpf.usermodel.Borders.SINGLE);
			XWPFRun status = run(response,
					this.t.text("report.response", this.t.status(c.responseStatus())).toUpperCase(this.t.locale()),
					true, "075985", 16);
			if (c.responseText() != null && !c.responseText().isBlank()) {
				status.addBreak();
				run(response, c.responseText(), false, null, 19);
			}
		}
		for (Consultation.Thread reply : thread.replies()) {
			comment(reply, depth + 1);
		}
	}

	private void ranked(String heading, List<DiscussionStatistics.Ranked> ranks, String countKey) {
		styled("Heading2", heading);
		if (ranks.isEmpty()) {
			run(this.doc.createParagraph(), this.t.text("report.none"), false, MUTED, 19).setItalic(true);
			return;
		}
		XWPFTable table = table(2);
		for (DiscussionStatistics.Ranked r : ranks) {
			line(table, this.c.sectionName(r.section()), this.t.text(countKey, r.count()));
		}
	}

	private XWPFTable table(int columns) {
		XWPFTable table = this.doc.createTable(1, columns);
		table.setWidth("100%");
		this.unused.add(table);
		return table;
	}

	/** The table's next row: the one it was made with, then new ones. */
	private XWPFTableRow nextRow(XWPFTable table) {
		return this.unused.remove(table) ? table.getRow(0) : table.createRow();
	}

	private void header(XWPFTable table, String... cells) {
		XWPFTableRow row = nextRow(table);
		row.setRepeatHeader(true);
		for (int i = 0; i < cells.length; i++) {
			row.getCell(i).setColor("EEF2FF");
			XWPFParagraph p = row.getCell(i).getParagraphs().get(0);
			run(p, cells[i], true, "1E3A8A", 19);
		}
	}

	private void line(XWPFTable table, String key, String value) {
		XWPFTableRow row = nextRow(table);
		run(row.getCell(0).getParagraphs().get(0), key, true, null, 19);
		XWPFParagraph right = row.getCell(1).getParagraphs().get(0);
		run(right, value, false, null, 19);
	}

	private XWPFParagraph styled(String style, String text) {
		XWPFParagraph p = this.doc.createParagraph();
		p.setStyle(style);
		p.createRun().setText(clean(text));
		return p;
	}

	private static XWPFRun run(XWPFParagraph p, String text, boolean bold, String color, int halfPoints) {
		XWPFRun r = p.createRun();
		String[] lines = clean(text).split("\\R", -1);
		for (int i = 0; i < lines.length; i++) {
			if (i > 0) {
				r.addBreak();
			}
			r.setText(lines[i], i);
		}
		r.setBold(bold);
		if (color != null) {
			r.setColor(color);
		}
		r.setFontSize(halfPoints / 2.0);
		return r;
	}

	private void footer() {
		XWPFFooter footer = this.doc.createFooter(HeaderFooterType.DEFAULT);
		XWPFParagraph p = footer.createParagraph();
		p.setAlignment(ParagraphAlignment.RIGHT);
		XWPFRun title = p.createRun();
		title.setText(clean(this.c.title()) + " · ");
		title.setColor(MUTED);
		title.setFontSize(8);
		p.getCTP().addNewFldSimple().setInstr("PAGE");
	}

	private static void heading(XWPFStyles styles, String id, String name, int level, int halfPoints, String color) {
		CTStyle style = CTStyle.Factory.newInstance();
		style.setStyleId(id);
		style.setType(STStyleType.PARAGRAPH);
		style.addNewName().setVal(name);
		style.addNewQFormat();
		style.addNewUiPriority().setVal(BigInteger.valueOf(9));
		CTPPrGeneral paragraph = style.addNewPPr();
		paragraph.addNewKeepNext();
		paragraph.addNewSpacing().setBefore(BigInteger.valueOf((level <= 1) ? 360 : 240));
		if (level > 0) {
			paragraph.addNewOutlineLvl().setVal(BigInteger.valueOf(level - 1L));
		}
		CTRPr run = style.addNewRPr();
		run.addNewB();
		run.addNewSz().setVal(BigInteger.valueOf(halfPoints));
		run.addNewColor().setVal(color);
		styles.addStyle(new XWPFStyle(style));
	}

	private byte[] chart(int agree, int disagree) {
		long key = ((long) agree << 32) | (disagree & 0xffffffffL);
		return this.charts.computeIfAbsent(key, k -> VoteChart.png(agree, disagree));
	}

	/** Text without the control characters XML refuses. */
	private static String clean(String s) {
		return (s == null) ? "" : s.replaceAll("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\uFFFE\\uFFFF]", "");
	}

}
