package org.parley.ingest.docx;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.parley.domain.outline.Block;
import org.parley.domain.outline.BlockKind;
import org.parley.domain.outline.Outline;
import org.parley.domain.outline.OutlineSection;
import org.parley.ingest.ExpectedOutline;

/**
 * A 434-page Word draft with 1,001 sections, made from the sample's own text: the
 * sample's ten headed sections repeated a hundred times under Word's automatic numbering
 * ("Strategic Goal 7:", "7.3."), which Word draws from numbering.xml and never writes
 * into the text, and bulleted lists. The expected outline is made alongside, counting the
 * numbers as a reader of the printed document would.
 *
 * About 300,000 words: at the 131-page sample's density (689 words a page) some 435
 * pages; LibreOffice 7.4 lays it out on 434 A4 pages in the sample's font, spacing and
 * margins (measured once with {@code soffice --convert-to pdf}).
 */
public final class LargeDraftDocx {

	public static final int CYCLES = 100;

	private static final String W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

	private static final String SAMPLE = "ogp-draft-strategy";

	/**
	 * The sample's headed sections in an order that numbering can draw: each strategic
	 * goal before its sub-goals.
	 */
	private static final int[] ORDER = { 5, 6, 7, 8, 9, 10, 1, 2, 3, 4 };

	private final byte[] docx;

	private final Outline expected;

	private LargeDraftDocx(byte[] docx, Outline expected) {
		this.docx = docx;
		this.expected = expected;
	}

	public static LargeDraftDocx make() {
		Outline sample = ExpectedOutline.of(SAMPLE);
		StringBuilder body = new StringBuilder();
		List<OutlineSection> sections = new ArrayList<>();
		body.append(paragraph("Title", null, sample.title()));
		body.append(paragraph("Subtitle", null, sample.subtitle()));
		OutlineSection lead = sample.sections().get(0);
		lead.blocks().forEach(block -> body.append(block(block)));
		sections.add(new OutlineSection(null, null, 1, lead.blocks()));
		int goal = 0;
		int subGoal = 0;
		for (int cycle = 0; cycle < CYCLES; cycle++) {
			for (int index : ORDER) {
				OutlineSection unit = sample.sections().get(index);
				String label;
				if (unit.level() == 1) {
					goal++;
					subGoal = 0;
					label = "Strategic Goal " + goal + ":";
					body.append(paragraph("Heading1", null, unit.heading()));
				}
				else {
					subGoal++;
					label = goal + "." + subGoal + ".";
					body.append(paragraph("Heading2", null, unit.heading()));
				}
				unit.blocks().forEach(block -> body.append(block(block)));
				sections.add(new OutlineSection(label, unit.heading(), unit.level(), unit.blocks()));
			}
		}
		return new LargeDraftDocx(pack(body.toString(), "Strategic Goal %1:"),
				new Outline(sample.title(), sample.subtitle(), List.copyOf(sections)));
	}

	/**
	 * A statute of near-identical articles ("Article 7." then the same provision), as
	 * implementing regulations and forms repeat their boilerplate: its XML compresses far
	 * better than 100:1, which POI's zip-bomb heuristic took for an attack.
	 */
	public static LargeDraftDocx boilerplate(int articles) {
		String provision = "The provisions of the framework regulation apply to this measure without modification, "
				+ "and the competent authority publishes its decision within thirty days.";
		StringBuilder body = new StringBuilder(paragraph("Title", null, "Implementing regulation"));
		List<OutlineSection> sections = new ArrayList<>();
		for (int article = 1; article <= articles; article++) {
			body.append(paragraph("Heading1", null, "Scope of the measure"));
			body.append(paragraph("BodyText", null, provision));
			sections.add(new OutlineSection("Article " + article + ".", "Scope of the measure", 1,
					List.of(Block.paragraph(provision))));
		}
		return new LargeDraftDocx(pack(body.toString(), "Article %1."),
				new Outline("Implementing regulation", null, List.copyOf(sections)));
	}

	public byte[] bytes() {
		return this.docx.clone();
	}

	public Outline expectedOutline() {
		return this.expected;
	}

	private static String block(Block block) {
		if (block.kind() == BlockKind.LIST_ITEM) {
			return paragraph("ListParagraph", "<w:numPr><w:ilvl w:val=\"0\"/><w:numId w:val=\"2\"/></w:numPr>",
					block.text());
		}
		return paragraph("BodyText", null, block.text());
	}

	/**
	 * As Word writes paragraphs: revision ids, spacing, and each run with its full
	 * properties, which is why Word's XML compresses so well.
	 */
	private static String paragraph(String style, String numPr, String text) {
		return "<w:p w:rsidR=\"00A1B2C3\" w:rsidRDefault=\"00A1B2C3\" w:rsidP=\"00A1B2C3\"><w:pPr><w:pStyle w:val=\""
				+ style + "\"/>" + ((numPr != null) ? numPr : "")
				+ "<w:spacing w:before=\"0\" w:after=\"140\" w:line=\"276\" w:lineRule=\"auto\"/><w:jc w:val=\"both\"/>"
				+ "<w:rPr><w:rFonts w:ascii=\"Liberation Serif\" w:hAnsi=\"Liberation Serif\" w:cs=\"Liberation Serif\"/><w:lang w:val=\"en-GB\"/></w:rPr>"
				+ "</w:pPr><w:r w:rsidRPr=\"00D4E5F6\"><w:rPr><w:rFonts w:ascii=\"Liberation Serif\" w:hAnsi=\"Liberation Serif\" w:cs=\"Liberation Serif\"/>"
				+ "<w:sz w:val=\"22\"/><w:szCs w:val=\"22\"/><w:lang w:val=\"en-GB\"/></w:rPr><w:t xml:space=\"preserve\">"
				+ escape(text)
				+ "</w:t></w:r><w:bookmarkStart w:id=\"0\" w:name=\"_GoBack\"/><w:bookmarkEnd w:id=\"0\"/></w:p>";
	}

	private static String escape(String text) {
		return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
	}

	private static byte[] pack(String body, String firstLevelText) {
		String styles = "<w:styles xmlns:w=\"" + W + "\">"
				+ "<w:docDefaults><w:rPrDefault><w:rPr><w:sz w:val=\"22\"/></w:rPr></w:rPrDefault></w:docDefaults>"
				+ style("Normal", "Normal", null, "") + style("Title", "Title", "Normal", "")
				+ style("Subtitle", "Subtitle", "Normal", "") + style("BodyText", "Body Text", "Normal", "")
				+ style("ListParagraph", "List Paragraph", "Normal", "")
				// Word links Heading 1 to the list by the numbering id alone; the level
				// comes from the level that names the style.
				+ style("Heading1", "heading 1", "Normal",
						"<w:numPr><w:numId w:val=\"1\"/></w:numPr><w:spacing w:before=\"200\" w:after=\"120\"/><w:outlineLvl w:val=\"0\"/>",
						"<w:b/><w:sz w:val=\"30\"/>")
				+ style("Heading2", "heading 2", "Normal",
						"<w:numPr><w:ilvl w:val=\"1\"/><w:numId w:val=\"1\"/></w:numPr><w:spacing w:before=\"140\" w:after=\"120\"/><w:outlineLvl w:val=\"1\"/>",
						"<w:b/><w:sz w:val=\"24\"/>")
				+ "</w:styles>";
		String numbering = "<w:numbering xmlns:w=\"" + W + "\">" + "<w:abstractNum w:abstractNumId=\"0\">"
				+ "<w:multiLevelType w:val=\"multilevel\"/>"
				+ "<w:lvl w:ilvl=\"0\"><w:start w:val=\"1\"/><w:numFmt w:val=\"decimal\"/><w:pStyle w:val=\"Heading1\"/>"
				+ "<w:lvlText w:val=\"" + firstLevelText + "\"/><w:lvlJc w:val=\"left\"/></w:lvl>"
				+ "<w:lvl w:ilvl=\"1\"><w:start w:val=\"1\"/><w:numFmt w:val=\"decimal\"/><w:pStyle w:val=\"Heading2\"/>"
				+ "<w:lvlText w:val=\"%1.%2.\"/><w:lvlJc w:val=\"left\"/></w:lvl>" + "</w:abstractNum>"
				+ "<w:abstractNum w:abstractNumId=\"1\"><w:multiLevelType w:val=\"hybridMultilevel\"/>"
				+ "<w:lvl w:ilvl=\"0\"><w:start w:val=\"1\"/><w:numFmt w:val=\"bullet\"/><w:lvlText w:val=\"\u2022\"/>"
				+ "<w:lvlJc w:val=\"left\"/></w:lvl></w:abstractNum>"
				+ "<w:num w:numId=\"1\"><w:abstractNumId w:val=\"0\"/></w:num>"
				+ "<w:num w:numId=\"2\"><w:abstractNumId w:val=\"1\"/></w:num></w:numbering>";
		String document = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><w:document xmlns:w=\"" + W
				+ "\"><w:body>" + body
				+ "<w:sectPr><w:pgSz w:w=\"11906\" w:h=\"16838\"/><w:pgMar w:top=\"567\" w:right=\"567\" w:bottom=\"567\" w:left=\"1134\"/></w:sectPr>"
				+ "</w:body></w:document>";
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
			entry(zip, "[Content_Types].xml",
					"<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
							+ "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
							+ "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
							+ "<Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/>"
							+ "<Override PartName=\"/word/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml\"/>"
							+ "<Override PartName=\"/word/numbering.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml\"/>"
							+ "</Types>");
			entry(zip, "_rels/.rels",
					"<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
							+ "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"word/document.xml\"/>"
							+ "</Relationships>");
			entry(zip, "word/_rels/document.xml.rels",
					"<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
							+ "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\" Target=\"styles.xml\"/>"
							+ "<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering\" Target=\"numbering.xml\"/>"
							+ "</Relationships>");
			entry(zip, "word/document.xml", document);
			entry(zip, "word/styles.xml", styles);
			entry(zip, "word/numbering.xml", numbering);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return bytes.toByteArray();
	}

	private static String style(String id, String name, String basedOn, String pPr) {
		return style(id, name, basedOn, pPr, "");
	}

	private static String style(String id, String name, String basedOn, String pPr, String rPr) {
		return "<w:style w:type=\"paragraph\" w:styleId=\"" + id + "\"><w:name w:val=\"" + name + "\"/>"
				+ ((basedOn != null) ? "<w:basedOn w:val=\"" + basedOn + "\"/>" : "") + "<w:pPr>" + pPr
				+ "</w:pPr><w:rPr>" + rPr + "</w:rPr></w:style>";
	}

	private static void entry(ZipOutputStream zip, String name, String content) throws IOException {
		zip.putNextEntry(new ZipEntry(name));
		zip.write(content.getBytes(StandardCharsets.UTF_8));
		zip.closeEntry();
	}

}
