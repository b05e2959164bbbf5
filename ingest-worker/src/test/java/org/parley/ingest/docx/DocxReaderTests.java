package org.parley.ingest.docx;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.domain.imports.DocumentRejected;
import org.parley.domain.outline.Block;
import org.parley.domain.outline.Outline;
import org.parley.domain.outline.OutlineSection;
import org.parley.domain.outline.TableCells;
import org.parley.ingest.structure.DocumentPart;
import org.parley.ingest.structure.MarkupStructurer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DocxReaderTests {

	private static final String W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

	@TempDir
	Path temp;

	@Test
	void headingsNumberedByANumberingDefinitionGetTheirNumberAsDisplayed() throws IOException {
		String body = para("Title", null, "Charter") + para("Heading1", null, "Purpose") + para("Normal", null, "Why.")
				+ para("Heading2", null, "Scope") + para("Heading2", null, "Signatories")
				+ para("Normal", "<w:numPr><w:ilvl w:val=\"0\"/><w:numId w:val=\"2\"/></w:numPr>", "the council")
				+ para("Normal", "<w:numPr><w:ilvl w:val=\"0\"/><w:numId w:val=\"2\"/></w:numPr>", "businesses")
				+ para("Heading1", null, "Commitments")
				+ para("Normal", "<w:numPr><w:ilvl w:val=\"0\"/><w:numId w:val=\"3\"/></w:numPr>", "a bullet")
				+ para("Heading2", null, "Transport")
				+ "<w:tbl><w:tr><w:tc><w:p><w:r><w:t>Measure</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>By</w:t></w:r></w:p></w:tc></w:tr>"
				+ "<w:tr><w:tc><w:p><w:r><w:t>Bus lanes</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>2027</w:t></w:r></w:p></w:tc></w:tr></w:tbl>";

		Outline outline = new MarkupStructurer().structure(read(docx(body, "")));

		assertThat(outline.title()).isEqualTo("Charter");
		assertThat(outline.sections()).containsExactly(
				new OutlineSection("1.", "Purpose", 1, List.of(Block.paragraph("Why."))),
				new OutlineSection("1.1.", "Scope", 2, List.of()),
				new OutlineSection("1.2.", "Signatories", 2,
						List.of(Block.listItem("a) the council"), Block.listItem("b) businesses"))),
				new OutlineSection("2.", "Commitments", 1, List.of(Block.listItem("a bullet"))),
				new OutlineSection("2.1.", "Transport", 2, List.of(Block
					.table(new TableCells(List.of(List.of("Measure", "By"), List.of("Bus lanes", "2027")), 0)))));
	}

	@Test
	void externalEntitiesAreNeverResolved() throws IOException {
		Path secret = Files.writeString(this.temp.resolve("secret.txt"), "TOP-SECRET-CONTENT");
		String doctype = "<!DOCTYPE w:document [<!ENTITY xxe SYSTEM \"" + secret.toUri() + "\">]>";
		byte[] docx = docx(para("Normal", null, "before &xxe; after"), doctype);

		try {
			List<DocumentPart> parts = read(docx);
			assertThat(parts).extracting(DocumentPart::text).noneMatch(t -> t.contains("TOP-SECRET-CONTENT"));
		}
		catch (DocumentRejected rejected) {
			assertThat(rejected.problem().code()).isEqualTo(DocxReader.UNREADABLE);
		}
	}

	@Test
	void notAWordDocumentIsRejectedAsUnreadable() {
		assertThatThrownBy(() -> read("PK\u0003\u0004 broken".getBytes(StandardCharsets.ISO_8859_1)))
			.isInstanceOfSatisfying(DocumentRejected.class,
					rejected -> assertThat(rejected.problem().code()).isEqualTo(DocxReader.UNREADABLE));
	}

	@Test
	void legalNumberingRestartRulesListStylesAndOverridesAreDrawnAsWordDrawsThem() throws IOException {
		String styles = "<w:styles xmlns:w=\"" + W + "\">" + style("Normal", "Normal", "")
				+ style("Heading1", "heading 1", "<w:numPr><w:numId w:val=\"1\"/></w:numPr><w:outlineLvl w:val=\"0\"/>")
				+ style("Heading2", "heading 2",
						"<w:numPr><w:ilvl w:val=\"1\"/><w:numId w:val=\"1\"/></w:numPr><w:outlineLvl w:val=\"1\"/>")
				+ "<w:style w:type=\"numbering\" w:styleId=\"LegalList\"><w:name w:val=\"Legal List\"/><w:pPr>"
				+ "<w:numPr><w:numId w:val=\"1\"/></w:numPr></w:pPr></w:style>" + "</w:styles>";
		String numbering = "<w:numbering xmlns:w=\"" + W + "\">" + "<w:abstractNum w:abstractNumId=\"20\">"
				+ "<w:lvl w:ilvl=\"0\"><w:start w:val=\"1\"/><w:numFmt w:val=\"upperRoman\"/><w:pStyle w:val=\"Heading1\"/>"
				+ "<w:lvlText w:val=\"Article %1\"/></w:lvl>"
				+ "<w:lvl w:ilvl=\"1\"><w:start w:val=\"1\"/><w:numFmt w:val=\"decimalZero\"/><w:isLgl/>"
				+ "<w:lvlText w:val=\"Section %1.%2\"/></w:lvl>"
				+ "<w:lvl w:ilvl=\"2\"><w:start w:val=\"1\"/><w:numFmt w:val=\"lowerLetter\"/><w:lvlRestart w:val=\"0\"/>"
				+ "<w:lvlText w:val=\"(%3)\"/></w:lvl>"
				+ "<w:lvl w:ilvl=\"3\"><w:start w:val=\"1\"/><w:numFmt w:val=\"decimal\"/>"
				+ "<w:rPr><w:vanish/></w:rPr><w:lvlText w:val=\"%4.\"/></w:lvl></w:abstractNum>"
				+ "<w:abstractNum w:abstractNumId=\"21\"><w:numStyleLink w:val=\"LegalList\"/></w:abstractNum>"
				+ "<w:abstractNum w:abstractNumId=\"22\">" + lvl(0, "decimal", "%1.") + lvl(1, "decimal", "%1.%2.")
				+ "</w:abstractNum>" + "<w:abstractNum w:abstractNumId=\"23\">" + lvl(0, "lowerRoman", "%1)")
				+ "</w:abstractNum>" + "<w:num w:numId=\"1\"><w:abstractNumId w:val=\"20\"/></w:num>"
				+ "<w:num w:numId=\"2\"><w:abstractNumId w:val=\"21\"/></w:num>"
				+ "<w:num w:numId=\"3\"><w:abstractNumId w:val=\"22\"/></w:num>"
				+ "<w:num w:numId=\"4\"><w:abstractNumId w:val=\"23\"/><w:lvlOverride w:ilvl=\"0\">"
				+ "<w:startOverride w:val=\"4\"/></w:lvlOverride></w:num>" + "</w:numbering>";
		String body = para("Heading1", null, "Definitions") + para("Heading2", null, "Terms") + item(1, 2, "first")
				+ item(1, 2, "second") + para("Heading2", null, "Scope") + item(1, 2, "third") + item(1, 3, "hidden")
				+ para("Heading1", null, "Rights") + para("Heading2", null, "Access")
				+ para("Normal", "<w:numPr><w:ilvl w:val=\"1\"/><w:numId w:val=\"2\"/></w:numPr>",
						"through the list style")
				+ item(3, 1, "before its first level") + item(3, 0, "then the first level") + item(4, 0, "overridden")
				+ item(4, 0, "and on");

		List<DocumentPart> parts = read(docx(body, "", styles, numbering));

		assertThat(parts).extracting(DocumentPart::label)
			.containsExactly("Article I", "Section 1.01", "(a)", "(b)", "Section 1.02", "(c)", null, "Article II",
					"Section 2.01", "Section 2.02", "1.1.", "2.", "iv)", "v)");
	}

	@Test
	void headingStylesAreRecognisedInOtherLanguagesAndWithoutUmlautsInTheirIds() throws IOException {
		String styles = "<w:styles xmlns:w=\"" + W + "\">" + style("Standard", "Normal", "")
				+ style("berschrift1", "Überschrift 1", "") + style("berschrift2", "heading 2", "")
				+ style("Titre1", "Titre 1", "") + style("Kop3", "kop 3", "") + "</w:styles>";
		String body = para("berschrift1", null, "§ 1 Name") + para("Standard", null, "Der Verein heißt X.")
				+ para("berschrift2", null, "Sitz") + para("Titre1", null, "Article premier")
				+ para("Kop3", null, "Doel");

		List<DocumentPart> parts = read(docx(body, "", styles, "<w:numbering xmlns:w=\"" + W + "\"/>"));

		assertThat(parts).extracting(DocumentPart::kind, DocumentPart::depth)
			.containsExactly(tuple(DocumentPart.Kind.HEADING, 1), tuple(DocumentPart.Kind.PARAGRAPH, 0),
					tuple(DocumentPart.Kind.HEADING, 2), tuple(DocumentPart.Kind.HEADING, 1),
					tuple(DocumentPart.Kind.HEADING, 3));
	}

	@Test
	void documentWithoutStylesGetsItsHeadingsFromItsBodyLookAndItsLabels() throws IOException {
		String body = run("UNIVERSIDAD DE EJEMPLO", 28, true) + run("REGLAMENTO DE ESTUDIOS", 32, true)
				+ run("VISTOS:", 24, true)
				+ run("El estatuto de la universidad, que dispone la dictación de un reglamento.", 22, false)
				+ run("TÍTULO 1", 26, true) + run("DISPOSICIONES GENERALES", 24, true) + "<w:p>"
				+ r("Artículo 1°.- ", 22, true) + r("(Objeto) ", 22, true)
				+ r("El presente reglamento establece la duración de los períodos lectivos y las exigencias académicas.",
						22, false)
				+ "</w:p>"
				+ run("Los estudiantes se rigen por este reglamento desde su matrícula en la universidad.", 22, false)
				+ "<w:p>" + r("Artículo 2 Transitorio.- ", 22, true)
				+ r("Las normas anteriores siguen vigentes para quienes ya cursan un programa de estudios.", 22, false)
				+ "</w:p>";

		Outline outline = new MarkupStructurer().structure(
				read(docx(body, "", "<w:styles xmlns:w=\"" + W + "\"/>", "<w:numbering xmlns:w=\"" + W + "\"/>")));

		assertThat(outline.title()).isEqualTo("REGLAMENTO DE ESTUDIOS");
		assertThat(outline.sections()).extracting(OutlineSection::label, OutlineSection::heading, OutlineSection::level)
			.containsExactly(tuple(null, null, 1), tuple(null, "VISTOS:", 1),
					tuple("TÍTULO 1", "DISPOSICIONES GENERALES", 1), tuple("Artículo 1°.-", "(Objeto)", 2),
					tuple("Artículo 2 Transitorio.-", null, 2));
		assertThat(outline.sections().get(3).blocks()).extracting(Block::text)
			.containsExactly(
					"El presente reglamento establece la duración de los períodos lectivos y las exigencias académicas.",
					"Los estudiantes se rigen por este reglamento desde su matrícula en la universidad.");
		assertThat(outline.sections().get(0).blocks()).extracting(Block::text)
			.containsExactly("UNIVERSIDAD DE EJEMPLO");
	}

	private static String item(int numId, int level, String text) {
		return para("Normal", "<w:numPr><w:ilvl w:val=\"" + level + "\"/><w:numId w:val=\"" + numId + "\"/></w:numPr>",
				text);
	}

	private static String run(String text, int size, boolean bold) {
		return "<w:p>" + r(text, size, bold) + "</w:p>";
	}

	private static String r(String text, int size, boolean bold) {
		return "<w:r><w:rPr>" + (bold ? "<w:b/>" : "") + "<w:sz w:val=\"" + size
				+ "\"/></w:rPr><w:t xml:space=\"preserve\">" + text + "</w:t></w:r>";
	}

	private static org.assertj.core.groups.Tuple tuple(Object... values) {
		return org.assertj.core.groups.Tuple.tuple(values);
	}

	private static List<DocumentPart> read(byte[] docx) {
		return new DocxReader().read(new ByteArrayInputStream(docx));
	}

	private static String para(String style, String numPr, String text) {
		return "<w:p><w:pPr><w:pStyle w:val=\"" + style + "\"/>" + ((numPr != null) ? numPr : "")
				+ "</w:pPr><w:r><w:t xml:space=\"preserve\">" + text + "</w:t></w:r></w:p>";
	}

	/**
	 * A minimal package: heading styles linked to a multi-level numbering, a lettered
	 * list and a bullet list.
	 */
	private static byte[] docx(String body, String doctype) throws IOException {
		return docx(body, doctype, defaultStyles(), defaultNumbering());
	}

	private static String defaultStyles() {
		return "<w:styles xmlns:w=\"" + W + "\">" + style("Normal", "Normal", "") + style("Title", "Title", "")
				+ style("Heading1", "heading 1",
						"<w:numPr><w:ilvl w:val=\"0\"/><w:numId w:val=\"1\"/></w:numPr><w:outlineLvl w:val=\"0\"/>")
				+ style("Heading2", "heading 2",
						"<w:numPr><w:ilvl w:val=\"1\"/><w:numId w:val=\"1\"/></w:numPr><w:outlineLvl w:val=\"1\"/>")
				+ "</w:styles>";
	}

	private static String defaultNumbering() {
		return "<w:numbering xmlns:w=\"" + W + "\">" + "<w:abstractNum w:abstractNumId=\"10\">"
				+ lvl(0, "decimal", "%1.") + lvl(1, "decimal", "%1.%2.") + "</w:abstractNum>"
				+ "<w:abstractNum w:abstractNumId=\"11\">" + lvl(0, "lowerLetter", "%1)") + "</w:abstractNum>"
				+ "<w:abstractNum w:abstractNumId=\"12\">" + lvl(0, "bullet", "\u2022") + "</w:abstractNum>"
				+ "<w:num w:numId=\"1\"><w:abstractNumId w:val=\"10\"/></w:num>"
				+ "<w:num w:numId=\"2\"><w:abstractNumId w:val=\"11\"/></w:num>"
				+ "<w:num w:numId=\"3\"><w:abstractNumId w:val=\"12\"/></w:num></w:numbering>";
	}

	private static byte[] docx(String body, String doctype, String styles, String numbering) throws IOException {
		String document = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>" + doctype
				+ "<w:document xmlns:w=\"" + W + "\"><w:body>" + body + "</w:body></w:document>";
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
			entry(zip, "[Content_Types].xml",
					"""
							<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
							<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
							<Default Extension="xml" ContentType="application/xml"/>
							<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>
							<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>
							<Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/>
							</Types>""");
			entry(zip, "_rels/.rels",
					"""
							<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
							<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>
							</Relationships>""");
			entry(zip, "word/_rels/document.xml.rels",
					"""
							<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
							<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>
							<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/>
							</Relationships>""");
			entry(zip, "word/document.xml", document);
			entry(zip, "word/styles.xml", styles);
			entry(zip, "word/numbering.xml", numbering);
		}
		return bytes.toByteArray();
	}

	private static String style(String id, String name, String pPr) {
		return "<w:style w:type=\"paragraph\" w:styleId=\"" + id + "\"><w:name w:val=\"" + name + "\"/><w:pPr>" + pPr
				+ "</w:pPr></w:style>";
	}

	private static String lvl(int level, String format, String text) {
		return "<w:lvl w:ilvl=\"" + level + "\"><w:start w:val=\"1\"/><w:numFmt w:val=\"" + format
				+ "\"/><w:lvlText w:val=\"" + text + "\"/></w:lvl>";
	}

	private static void entry(ZipOutputStream zip, String name, String content) throws IOException {
		zip.putNextEntry(new ZipEntry(name));
		zip.write(content.getBytes(StandardCharsets.UTF_8));
		zip.closeEntry();
	}

}
