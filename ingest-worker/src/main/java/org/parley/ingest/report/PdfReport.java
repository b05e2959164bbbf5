package org.parley.ingest.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayDeque;
import java.util.Base64;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntConsumer;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import org.parley.domain.discussion.Paragraph;
import org.parley.domain.outline.BlockKind;
import org.parley.domain.participation.DiscussionStatistics;

/**
 * A consultation as a tagged PDF (PDF/UA): XHTML laid out by openhtmltopdf, which draws
 * with PDFBox. The document's language is the discussion's, its title the discussion's
 * title, its bookmarks follow the sections, and every image has its alternative text. The
 * fonts are Liberation Sans and Serif, embedded, as PDF/UA asks.
 * <p>
 * The footer gives the page's number without the count of pages: {@code counter(pages)}
 * made openhtmltopdf lay the whole document out again and doubled the time of a report of
 * 5,000 comments.
 */
final class PdfReport {

	private static final String SANS = "Liberation Sans";

	private static final String SERIF = "Liberation Serif";

	private final Consultation c;

	private final ReportTexts t;

	private final Map<Long, String> charts = new HashMap<>();

	private PdfReport(Consultation consultation) {
		this.c = consultation;
		this.t = new ReportTexts(consultation.language());
	}

	/**
	 * @param sectionsWritten told how many sections it has laid out, as it goes
	 */
	static void write(Consultation consultation, OutputStream out, IntConsumer sectionsWritten) throws IOException {
		PdfReport report = new PdfReport(consultation);
		String html = report.html(sectionsWritten);
		PdfRendererBuilder builder = new PdfRendererBuilder();
		builder.useFastMode();
		builder.usePdfUaAccessibility(true);
		builder.useFont(() -> font("LiberationSans-Regular"), SANS, 400, BaseRendererBuilder.FontStyle.NORMAL, true);
		builder.useFont(() -> font("LiberationSans-Bold"), SANS, 700, BaseRendererBuilder.FontStyle.NORMAL, true);
		builder.useFont(() -> font("LiberationSans-Italic"), SANS, 400, BaseRendererBuilder.FontStyle.ITALIC, true);
		builder.useFont(() -> font("LiberationSerif-Regular"), SERIF, 400, BaseRendererBuilder.FontStyle.NORMAL, true);
		builder.useFont(() -> font("LiberationSerif-Italic"), SERIF, 400, BaseRendererBuilder.FontStyle.ITALIC, true);
		builder.useFont(() -> font("LiberationSerif-Bold"), SERIF, 700, BaseRendererBuilder.FontStyle.NORMAL, true);
		builder.withHtmlContent(html, null);
		builder.toStream(out);
		builder.run();
	}

	private static InputStream font(String name) {
		return PdfReport.class.getResourceAsStream("/liberation/" + name + ".ttf");
	}

	String html(IntConsumer sectionsWritten) {
		StringBuilder h = new StringBuilder(64 * 1024);
		h.append("<!DOCTYPE html>\n<html lang=\"").append(esc(this.t.locale().toLanguageTag())).append("\"><head>");
		h.append("<title>").append(esc(this.c.title())).append("</title>");
		h.append("<meta name=\"subject\" content=\"").append(esc(this.t.text("report.subtitle"))).append("\"/>");
		h.append("<meta name=\"author\" content=\"Parley\"/>");
		h.append("<style>").append(css()).append("</style>");
		bookmarks(h);
		h.append("</head><body>");
		cover(h);
		contents(h);
		overview(h);
		figures(h);
		responses(h);
		h.append("<h1 id=\"sections\" class=\"part\">").append(esc(this.t.text("report.sections"))).append("</h1>");
		int written = 0;
		for (Consultation.Part part : this.c.sections()) {
			section(h, part);
			written++;
			if (written % 25 == 0) {
				sectionsWritten.accept(written);
			}
		}
		h.append("</body></html>");
		return h.toString();
	}

	private String css() {
		String title = cssString(this.c.title());
		return """
				@page { size: A4; margin: 24mm 20mm 22mm 20mm;
				  @top-left { content: "%s"; font: 8pt '%s'; color: #6b7280; vertical-align: bottom; padding-bottom: 4mm; }
				  @bottom-right { content: counter(page); font: 8pt '%s'; color: #6b7280; }
				  @bottom-left { content: "Parley"; font: 8pt '%s'; color: #9ca3af; } }
				@page :first { @top-left { content: none; } @bottom-right { content: none; } @bottom-left { content: none; } }
				body { font-family: '%s'; font-size: 10pt; line-height: 1.45; color: #1f2937; }
				.cover { page-break-after: always; padding-top: 60mm; }
				.cover .kicker { font-family: '%s'; text-transform: uppercase; letter-spacing: 1.5pt; font-size: 9pt; color: #1d4ed8; font-weight: bold; }
				.cover h1 { font-size: 28pt; line-height: 1.15; margin: 4mm 0 6mm 0; color: #111827; border: 0; }
				.cover .description { font-size: 12pt; color: #374151; }
				.cover .made { margin-top: 30mm; font-family: '%s'; font-size: 9pt; color: #6b7280; border-top: 1pt solid #d1d5db; padding-top: 3mm; }
				h1, h2, h3, h4 { font-family: '%s'; color: #111827; }
				h1 { font-size: 18pt; margin: 0 0 5mm 0; padding-bottom: 2mm; border-bottom: 1.5pt solid #1d4ed8; }
				h1.part { page-break-before: always; }
				h2 { font-size: 13.5pt; margin: 8mm 0 2mm 0; page-break-after: avoid; }
				h3 { font-size: 11.5pt; margin: 6mm 0 2mm 0; page-break-after: avoid; }
				h4 { font-size: 10pt; margin: 4mm 0 2mm 0; color: #374151; page-break-after: avoid; }
				.toc { page-break-after: always; }
				.toc ol { list-style: none; padding: 0; margin: 0; }
				.toc li { font-family: '%s'; font-size: 9.5pt; margin: 0 0 1.2mm 0; }
				.toc li.l2 { padding-left: 6mm; font-size: 9pt; color: #374151; }
				.toc a { color: #111827; text-decoration: none; }
				.toc a::after { content: leader('.') target-counter(attr(href), page); color: #6b7280; }
				table { border-collapse: collapse; width: 100%%; font-family: '%s'; font-size: 9.5pt; margin: 2mm 0 4mm 0; }
				th { text-align: left; background: #eef2ff; color: #1e3a8a; padding: 2mm 3mm; border-bottom: 1pt solid #c7d2fe; }
				td { padding: 1.8mm 3mm; border-bottom: 0.5pt solid #e5e7eb; vertical-align: top; }
				td.n, th.n { text-align: right; }
				tr.total td { font-weight: bold; border-top: 1pt solid #9ca3af; border-bottom: 0; }
				.tiles { width: 100%%; margin: 2mm 0 6mm 0; }
				.tiles td { width: 25%%; border: 0; padding: 0 2mm 0 0; }
				.tile { background: #f3f4f6; border-radius: 2mm; padding: 4mm; }
				.tile .v { font-family: '%s'; font-size: 20pt; font-weight: bold; color: #1d4ed8; }
				.tile .k { font-family: '%s'; font-size: 8.5pt; color: #4b5563; }
				.rank { font-family: '%s'; }
				.rank a { color: #111827; text-decoration: none; }
				.rule { font-size: 8.5pt; color: #6b7280; font-style: italic; }
				.section { margin-top: 4mm; }
				.label { color: #1d4ed8; }
				.text p { margin: 0 0 2mm 0; text-align: justify; }
				.text p.item { padding-left: 5mm; }
				.votes { font-family: '%s'; font-size: 9pt; color: #374151; margin: 3mm 0 3mm 0; }
				.votes img { width: 60mm; height: 3.5mm; vertical-align: middle; margin-right: 3mm; }
				.agree { color: #2e7d32; font-weight: bold; } .disagree { color: #c62828; font-weight: bold; }
				.none { color: #6b7280; font-style: italic; font-family: '%s'; font-size: 9pt; }
				.comment { border-left: 1.5pt solid #d1d5db; padding: 0 0 0 3.5mm; margin: 0 0 4mm 0; }
				.reply { margin: 3mm 0 0 5mm; border-left-color: #e5e7eb; }
				.meta { font-family: '%s'; font-size: 8.5pt; color: #6b7280; margin-bottom: 1mm; page-break-after: avoid; }
				.meta .author { color: #111827; font-weight: bold; }
				.quote { font-style: italic; color: #4b5563; border-left: 1pt solid #93c5fd; padding-left: 2.5mm; margin: 1mm 0 1.5mm 0; }
				.body p { margin: 0 0 1.5mm 0; }
				.copies { display: inline; font-family: '%s'; font-size: 8pt; background: #fef3c7; color: #92400e; padding: 0.5mm 1.5mm; border-radius: 1mm; }
				.response { background: #f0f9ff; border-left: 2pt solid #0284c7; padding: 2mm 3mm; margin: 2mm 0 0 0; }
				.response p { margin: 1mm 0 0 0; }
				.response .status { font-family: '%s'; font-size: 8.5pt; font-weight: bold; color: #075985; text-transform: uppercase; letter-spacing: 0.5pt; }
				"""
			.formatted(title, SANS, SANS, SANS, SERIF, SANS, SANS, SANS, SANS, SANS, SANS, SANS, SANS, SANS, SANS, SANS,
					SANS, SANS);
	}

	private void bookmarks(StringBuilder h) {
		h.append("<bookmarks>");
		bookmark(h, this.t.text("report.overview"), "overview", true);
		bookmark(h, this.t.text("report.figures"), "figures", true);
		bookmark(h, this.t.text("report.responses"), "responses", true);
		h.append("<bookmark name=\"").append(esc(this.t.text("report.sections"))).append("\" href=\"#sections\">");
		Deque<Integer> open = new ArrayDeque<>();
		for (Consultation.Part part : this.c.sections()) {
			while (!open.isEmpty() && open.peek() >= part.level()) {
				h.append("</bookmark>");
				open.pop();
			}
			bookmark(h, part.name(), part.anchor(), false);
			open.push(part.level());
		}
		while (!open.isEmpty()) {
			h.append("</bookmark>");
			open.pop();
		}
		h.append("</bookmark></bookmarks>");
	}

	private static void bookmark(StringBuilder h, String name, String anchor, boolean close) {
		h.append("<bookmark name=\"").append(esc(name)).append("\" href=\"#").append(anchor).append("\"");
		h.append(close ? "/>" : ">");
	}

	private void cover(StringBuilder h) {
		h.append("<div class=\"cover\"><div class=\"kicker\">").append(esc(this.t.text("report.subtitle")));
		h.append("</div><h1>").append(esc(this.c.title())).append("</h1>");
		if (this.c.description() != null && !this.c.description().isBlank()) {
			h.append("<p class=\"description\">").append(esc(this.c.description())).append("</p>");
		}
		h.append("<p class=\"made\">")
			.append(esc(this.t.text("report.made", this.t.dateTime(this.c.madeAt(), this.c.zone()))))
			.append("</p></div>");
	}

	private void contents(StringBuilder h) {
		h.append("<div class=\"toc\"><h1>").append(esc(this.t.text("report.contents"))).append("</h1><ol>");
		tocEntry(h, this.t.text("report.overview"), "overview", 1);
		tocEntry(h, this.t.text("report.figures"), "figures", 1);
		tocEntry(h, this.t.text("report.responses"), "responses", 1);
		tocEntry(h, this.t.text("report.sections"), "sections", 1);
		int top = this.c.sections().stream().mapToInt(Consultation.Part::level).min().orElse(1);
		for (Consultation.Part part : this.c.sections()) {
			if (part.level() <= top) {
				tocEntry(h, part.name(), part.anchor(), 2);
			}
		}
		h.append("</ol></div>");
	}

	private static void tocEntry(StringBuilder h, String name, String anchor, int level) {
		h.append("<li class=\"l").append(level).append("\"><a href=\"#").append(anchor).append("\" title=\"");
		h.append(esc(name)).append("\">");
		h.append(esc(name)).append("</a></li>");
	}

	private void overview(StringBuilder h) {
		h.append("<h1 id=\"overview\">").append(esc(this.t.text("report.overview"))).append("</h1>");
		DiscussionStatistics s = this.c.statistics();
		h.append("<table class=\"tiles\" role=\"presentation\"><tr>");
		tile(h, (s.positivePercent() != null) ? s.positivePercent() + " %" : "–", this.t.text("report.positive"));
		tile(h, this.t.number(this.c.participants()), this.t.text("report.participants"));
		tile(h, this.t.number(s.totalVotes()), this.t.text("report.votes"));
		tile(h, this.t.number(s.totalComments()), this.t.text("report.comments"));
		h.append("</tr></table>");
		h.append("<table><tbody>");
		row(h, this.t.text("report.status"), this.t.text("status." + this.c.status().name()));
		row(h, this.t.text("report.published"), this.t.date(this.c.publishedAt(), this.c.zone()));
		row(h, this.t.text("report.opened"),
				this.t.dateTime((this.c.opensAt() != null) ? this.c.opensAt() : this.c.publishedAt(), this.c.zone()));
		row(h, this.t.text("report.closed"), this.t.dateTime(this.c.closesAt(), this.c.zone()));
		row(h, this.t.text("report.invited"), this.t.number(this.c.invited()));
		row(h, this.t.text("report.participants"), this.t.number(this.c.participants()));
		row(h, this.t.text("report.votes"), this.t.number(s.totalVotes()) + ((s.positivePercent() != null)
				? " · " + this.t.text("report.sectionPercent", s.positivePercent()) : ""));
		row(h, this.t.text("report.comments"), this.t.number(s.totalComments()));
		h.append("</tbody></table>");
	}

	private static void tile(StringBuilder h, String value, String key) {
		h.append("<td><div class=\"tile\"><div class=\"v\">").append(esc(value)).append("</div><div class=\"k\">");
		h.append(esc(key)).append("</div></div></td>");
	}

	private static void row(StringBuilder h, String key, String value) {
		h.append("<tr><th scope=\"row\">").append(esc(key)).append("</th><td>").append(esc(value)).append("</td></tr>");
	}

	private void figures(StringBuilder h) {
		h.append("<h1 id=\"figures\" class=\"part\">").append(esc(this.t.text("report.figures"))).append("</h1>");
		DiscussionStatistics s = this.c.statistics();
		ranked(h, this.t.text("report.mostVoted"), s.mostVoted(), "report.rankedVotes");
		ranked(h, this.t.text("report.mostCommented"), s.mostCommented(), "report.rankedComments");
		ranked(h, this.t.text("report.mostControversial"), s.mostControversial(), "report.rankedVotes");
		h.append("<p class=\"rule\">")
			.append(esc(this.t.text("report.controversyRule", DiscussionStatistics.CONTROVERSY_MIN_VOTES)))
			.append("</p>");
	}

	private void ranked(StringBuilder h, String heading, List<DiscussionStatistics.Ranked> ranks, String countKey) {
		h.append("<h2>").append(esc(heading)).append("</h2>");
		if (ranks.isEmpty()) {
			h.append("<p class=\"none\">").append(esc(this.t.text("report.none"))).append("</p>");
			return;
		}
		h.append("<table class=\"rank\"><tbody>");
		int place = 1;
		for (DiscussionStatistics.Ranked r : ranks) {
			h.append("<tr><td class=\"n\">")
				.append(place++)
				.append(".</td><td><a href=\"#section-")
				.append(r.section())
				.append("\" title=\"")
				.append(esc(this.c.sectionName(r.section())))
				.append("\">")
				.append(esc(this.c.sectionName(r.section())))
				.append("</a></td><td class=\"n\">")
				.append(esc(this.t.text(countKey, r.count())))
				.append("</td></tr>");
		}
		h.append("</tbody></table>");
	}

	private void responses(StringBuilder h) {
		h.append("<h1 id=\"responses\" class=\"part\">").append(esc(this.t.text("report.responses"))).append("</h1>");
		h.append("<table><thead><tr><th scope=\"col\">").append(esc(this.t.text("report.responseStatus")));
		h.append("</th><th scope=\"col\" class=\"n\">").append(esc(this.t.text("report.responseCount")));
		h.append("</th></tr></thead><tbody>");
		long total = 0;
		for (Map.Entry<String, Long> e : this.c.responses().entrySet()) {
			total += e.getValue();
			h.append("<tr><td>").append(esc(this.t.status(e.getKey()))).append("</td><td class=\"n\">");
			h.append(esc(this.t.number(e.getValue()))).append("</td></tr>");
		}
		h.append("<tr class=\"total\"><td>").append(esc(this.t.text("report.responseTotal")));
		h.append("</td><td class=\"n\">").append(esc(this.t.number(total))).append("</td></tr></tbody></table>");
	}

	private void section(StringBuilder h, Consultation.Part part) {
		int depth = Math.min(3, Math.max(2, part.level() + 1));
		h.append("<div class=\"section\"><h").append(depth).append(" id=\"").append(part.anchor()).append("\">");
		if (part.label() != null && !part.label().isBlank()) {
			h.append("<span class=\"label\">").append(esc(part.label())).append("</span> ");
		}
		h.append(esc((part.heading() != null) ? part.heading() : "")).append("</h").append(depth).append(">");
		h.append("<div class=\"text\">");
		for (Paragraph p : part.paragraphs()) {
			h.append((p.kind() == BlockKind.LIST_ITEM) ? "<p class=\"item\">" : "<p>");
			h.append(esc(p.text())).append("</p>");
		}
		h.append("</div>");
		int agree = part.votes().agree();
		int disagree = part.votes().disagree();
		h.append("<p class=\"votes\"><img src=\"data:image/png;base64,").append(chart(agree, disagree));
		h.append("\" alt=\"").append(esc(this.t.text("report.chartAlt", agree, disagree))).append("\"/>");
		if (part.votes().total() == 0) {
			h.append("<span class=\"none\">").append(esc(this.t.text("report.noVotes"))).append("</span>");
		}
		else {
			h.append("<span class=\"agree\">").append(esc(this.t.text("report.agree", agree)));
			h.append("</span> · <span class=\"disagree\">").append(esc(this.t.text("report.disagree", disagree)));
			h.append("</span> · ").append(esc(this.t.text("report.sectionPercent", part.votes().positivePercent())));
		}
		h.append("</p>");
		if (part.threads().isEmpty()) {
			h.append("<p class=\"none\">").append(esc(this.t.text("report.noComments"))).append("</p>");
		}
		else {
			h.append("<h4>").append(esc(this.t.text("report.commentsHeading", part.shownComments()))).append("</h4>");
			for (Consultation.Thread thread : part.threads()) {
				comment(h, thread, false);
			}
		}
		h.append("</div>");
	}

	private void comment(StringBuilder h, Consultation.Thread thread, boolean reply) {
		var c = thread.comment();
		h.append("<div class=\"comment").append(reply ? " reply" : "").append("\"><div class=\"meta\">");
		h.append("<span class=\"author\">").append(esc(c.author())).append("</span> · ");
		h.append(esc(this.t.dateTime(c.createdAt(), this.c.zone())));
		if (c.paragraphNumber() != null) {
			h.append(" · ").append(esc(this.t.text("report.onParagraph", c.paragraphNumber())));
		}
		if (c.up() + c.down() > 0) {
			h.append(" · ").append(esc(this.t.text("report.votesOnComment", c.up(), c.down())));
		}
		h.append("</div>");
		if (thread.copies() > 1) {
			h.append("<p><span class=\"copies\">").append(esc(this.t.text("report.copies", thread.copies())));
			h.append("</span></p>");
		}
		if (c.quote() != null && !c.quote().isBlank()) {
			h.append("<p class=\"quote\">“").append(esc(c.quote())).append("”</p>");
		}
		h.append("<div class=\"body\">");
		for (String line : c.text().split("\\R\\R+")) {
			h.append("<p>").append(esc(line)).append("</p>");
		}
		h.append("</div>");
		if (c.responseStatus() != null) {
			h.append("<div class=\"response\"><div class=\"status\">")
				.append(esc(this.t.text("report.response", this.t.status(c.responseStatus()))))
				.append("</div>");
			if (c.responseText() != null && !c.responseText().isBlank()) {
				h.append("<p>").append(esc(c.responseText())).append("</p>");
			}
			h.append("</div>");
		}
		for (Consultation.Thread r : thread.replies()) {
			comment(h, r, true);
		}
		h.append("</div>");
	}

	private String chart(int agree, int disagree) {
		long key = ((long) agree << 32) | (disagree & 0xffffffffL);
		return this.charts.computeIfAbsent(key,
				k -> Base64.getEncoder().encodeToString(VoteChart.png(agree, disagree)));
	}

	/** Text for XHTML: escaped, and without the control characters XML refuses. */
	static String esc(String s) {
		if (s == null) {
			return "";
		}
		StringBuilder out = new StringBuilder(s.length() + 16);
		for (int i = 0; i < s.length(); i++) {
			char ch = s.charAt(i);
			switch (ch) {
				case '&' -> out.append("&amp;");
				case '<' -> out.append("&lt;");
				case '>' -> out.append("&gt;");
				case '"' -> out.append("&quot;");
				case '\'' -> out.append("&#39;");
				default -> {
					if (ch >= 0x20 || ch == '\n' || ch == '\t' || ch == '\r') {
						if (ch != 0xFFFE && ch != 0xFFFF) {
							out.append(ch);
						}
					}
				}
			}
		}
		return out.toString();
	}

	private static String cssString(String s) {
		String plain = (s == null) ? "" : s.replaceAll("[\\p{Cntrl}]", " ");
		if (plain.length() > 90) {
			plain = plain.substring(0, 87) + "…";
		}
		return plain.replace("\\", "\\\\").replace("\"", "\\\"").replace("<", "\\3C ").replace("&", "\\26 ");
	}

}
