package org.parley.ingest.odt;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.parley.domain.outline.Block;
import org.parley.domain.outline.BlockKind;
import org.parley.domain.outline.Outline;
import org.parley.domain.outline.OutlineSection;
import org.parley.domain.outline.TableCells;
import org.parley.ingest.structure.DocumentPart;
import org.parley.ingest.structure.MarkupStructurer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Real OpenDocument texts from LibreOffice, and small hand-made ones for the numbering
 * rules. The public files' expectations were checked against LibreOffice's own layout of
 * them (see src/test/resources/odt/SOURCE.md).
 */
class OdtReaderTests {

	private static final Path ODT = Path.of("src/test/resources/odt");

	@Test
	void libreOfficeOutlineNumberingIsDrawnAsLibreOfficeDrawsIt() throws IOException {
		Outline outline = structure(ODT.resolve("openchain-2.0-fr.odt"));

		assertThat(outline.title()).isEqualTo("Spécification OpenChain");
		assertThat(outline.subtitle())
			.isEqualTo("Renforcer la confiance dans les logiciels Open Source sur lesquels reposent vos solutions");
		List<OutlineSection> sections = outline.sections();
		assertThat(sections.subList(1, 8))
			.extracting(OutlineSection::label, OutlineSection::heading, OutlineSection::level)
			.containsExactly(tuple("1)", "Introduction", 1), tuple("2)", "Définitions", 1), tuple("3)", "Exigences", 1),
					tuple("1.0", "Fondamentaux du Programme", 2), tuple("1.1", "Politique Open Source", 3),
					tuple("□ 1.1.1", "Une politique Open Source documentée.", 4),
					tuple("□ 1.1.2",
							"Une procédure documentée informant l'Équipe Logiciel de l'existence de la politique Open Source (par exemple, via des formations, un wiki interne ou tout autre moyen de communication).",
							4));
		assertThat(sections).extracting(OutlineSection::label)
			.contains("2.0", "2.2", "□ 2.2.5", "6.0", "6.2", "□ 6.2.1")
			.doesNotContain("4)", "7.0");
		OutlineSection annex = sections.get(sections.size() - 1);
		assertThat(annex.label()).isEqualTo("Annexe I:");
		assertThat(annex.heading()).isEqualTo("Traductions");
		assertThat(annex.level()).isEqualTo(1);
		// The table of contents repeats the headings; it is not imported.
		assertThat(sections).flatExtracting(OutlineSection::blocks)
			.extracting(Block::text)
			.noneMatch(text -> text.contains("Table des matières") || text.startsWith("1) Introduction"));
		assertThat(sections.get(7).blocks()).extracting(Block::kind, Block::text)
			.startsWith(tuple(BlockKind.PARAGRAPH, "Raison :"));
	}

	@Test
	void flatOdtGivesItsOutlineHeadingsAndListNumbersAsLibreOfficeShowsThem() throws IOException {
		Outline outline = structure(ODT.resolve("noris-solar-satzung.fodt"));

		assertThat(outline.title()).isEqualTo("Satzung der noris.solar eG");
		List<OutlineSection> paragraphs = outline.sections()
			.stream()
			.filter(s -> s.label() != null && s.label().startsWith("§"))
			.toList();
		assertThat(paragraphs).hasSize(20);
		assertThat(paragraphs).extracting(OutlineSection::label)
			.startsWith("§ 1", "§ 2", "§ 3", "§ 4")
			.endsWith("§ 19", "§ 20");
		assertThat(paragraphs.get(0).heading()).isEqualTo("Name, Sitz");
		assertThat(paragraphs.get(15).heading())
			.isEqualTo("Tod / Auflösung einer juristischen Person oder Personengesellschaft");
		OutlineSection majorities = paragraphs.get(3);
		assertThat(majorities.heading()).isEqualTo("Mehrheitserfordernisse");
		// LibreOffice draws "4." twice in § 4: the last item continues the outer list
		// after the lettered one restarted it.
		assertThat(majorities.blocks()).extracting(b -> b.text().split(" ")[0])
			.containsExactly("1.", "2.", "3.", "a)", "b)", "4.", "a)", "b)", "c)", "4.");
		assertThat(majorities.blocks()).extracting(Block::kind).containsOnly(BlockKind.LIST_ITEM);
		assertThat(majorities.blocks().get(0).text())
			.isEqualTo("1. Es wird angestrebt, Entscheidungen im Konsens zu treffen.");
	}

	@Test
	void outlineLevelsCountFromTheirStartAndRestartWhereTheHeadingSaysSo() {
		String styles = "<office:styles>" + "<style:style style:name=\"Heading_20_1\" style:display-name=\"Heading 1\""
				+ " style:family=\"paragraph\" style:default-outline-level=\"1\"/>"
				+ "<style:style style:name=\"Heading_20_2\" style:display-name=\"Heading 2\""
				+ " style:family=\"paragraph\" style:default-outline-level=\"2\"/>"
				+ "<style:style style:name=\"Annex\" style:family=\"paragraph\" style:parent-style-name=\"Heading_20_1\""
				+ " style:default-outline-level=\"\"/>" + "<text:outline-style style:name=\"Outline\">"
				+ "<text:outline-level-style text:level=\"1\" style:num-prefix=\"Article \" style:num-suffix=\".\" style:num-format=\"I\"/>"
				+ "<text:outline-level-style text:level=\"2\" style:num-format=\"1\" text:display-levels=\"2\" text:start-value=\"1\"/>"
				+ "</text:outline-style>" + "<text:list-style style:name=\"L1\">"
				+ "<text:list-level-style-number text:level=\"1\" style:num-suffix=\")\" style:num-format=\"a\"/>"
				+ "<text:list-level-style-bullet text:level=\"2\" text:bullet-char=\"•\"/>" + "</text:list-style>"
				+ "</office:styles>";
		String body = h(2, "Heading_20_2", "", "Before any article") + h(1, "Heading_20_1", "", "Scope")
				+ h(2, "Heading_20_2", "", "Who") + "<text:list text:style-name=\"L1\" xml:id=\"l1\">"
				+ "<text:list-item><text:p>first</text:p><text:list><text:list-item><text:p>a bullet</text:p>"
				+ "</text:list-item></text:list></text:list-item>"
				+ "<text:list-header><text:p>unnumbered</text:p></text:list-header>" + "</text:list>"
				+ "<text:p>between</text:p>"
				+ "<text:list text:style-name=\"L1\" text:continue-list=\"l1\"><text:list-item><text:p>second</text:p></text:list-item></text:list>"
				+ "<text:list text:style-name=\"L1\"><text:list-item text:start-value=\"5\"><text:p>fifth</text:p></text:list-item></text:list>"
				+ h(1, "Heading_20_1", "", "Rights")
				+ h(2, "Heading_20_2", " text:restart-numbering=\"true\" text:start-value=\"7\"", "Seventh")
				+ h(1, "Annex", "", "Annex A: Forms")
				+ "<text:h text:outline-level=\"1\" text:style-name=\"Heading_20_1\">"
				+ "<text:number>Art. 99</text:number>As written</text:h>";

		List<DocumentPart> parts = read(flat(styles, body));

		assertThat(parts).extracting(DocumentPart::kind, DocumentPart::label, DocumentPart::text)
			.containsExactly(tuple(DocumentPart.Kind.HEADING, "I.1", "Before any article"),
					tuple(DocumentPart.Kind.HEADING, "Article II.", "Scope"),
					tuple(DocumentPart.Kind.HEADING, "II.1", "Who"), tuple(DocumentPart.Kind.LIST_ITEM, "a)", "first"),
					tuple(DocumentPart.Kind.LIST_ITEM, null, "a bullet"),
					tuple(DocumentPart.Kind.LIST_ITEM, null, "unnumbered"),
					tuple(DocumentPart.Kind.PARAGRAPH, null, "between"),
					tuple(DocumentPart.Kind.LIST_ITEM, "b)", "second"),
					tuple(DocumentPart.Kind.LIST_ITEM, "e)", "fifth"),
					tuple(DocumentPart.Kind.HEADING, "Article III.", "Rights"),
					tuple(DocumentPart.Kind.HEADING, "III.7", "Seventh"),
					tuple(DocumentPart.Kind.HEADING, null, "Annex A: Forms"),
					tuple(DocumentPart.Kind.HEADING, "Art. 99", "As written"));
	}

	@Test
	void tableRowsNotesAndIndexesAreReadAsInTheOtherFormats() {
		String body = "<text:table-of-content><text:index-body><text:p>1. Scope ..... 3</text:p></text:index-body></text:table-of-content>"
				+ "<text:p>Text<text:note><text:note-citation>1</text:note-citation><text:note-body><text:p>A footnote.</text:p></text:note-body></text:note>"
				+ " with<text:s text:c=\"3\"/>spaces<text:tab/>and a tab.</text:p>"
				+ "<office:annotation><text:p>A reviewer's comment</text:p></office:annotation>"
				+ "<table:table><table:table-column/><table:table-header-rows><table:table-row><table:table-cell><text:p>Measure</text:p></table:table-cell>"
				+ "<table:table-cell><text:p>By</text:p></table:table-cell></table:table-row></table:table-header-rows>"
				+ "<table:table-row><table:table-cell><text:p>Bus</text:p><text:p>lanes</text:p></table:table-cell>"
				+ "<table:table-cell><text:p>2027</text:p></table:table-cell><table:covered-table-cell><text:p>hidden</text:p></table:covered-table-cell></table:table-row></table:table>";

		List<DocumentPart> parts = read(flat("", body));

		assertThat(parts).extracting(DocumentPart::kind, DocumentPart::text)
			.containsExactly(tuple(DocumentPart.Kind.PARAGRAPH, "Text with   spaces and a tab."),
					tuple(DocumentPart.Kind.TABLE, "Measure By Bus lanes 2027"));
		assertThat(parts.get(1).cells())
			.isEqualTo(new TableCells(List.of(List.of("Measure", "By"), List.of("Bus lanes", "2027")), 1));
	}

	private static org.assertj.core.groups.Tuple tuple(Object... values) {
		return org.assertj.core.groups.Tuple.tuple(values);
	}

	private static String h(int level, String style, String attributes, String text) {
		return "<text:h text:outline-level=\"" + level + "\" text:style-name=\"" + style + "\"" + attributes + ">"
				+ text + "</text:h>";
	}

	static byte[] flat(String styles, String body) {
		return ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
				+ "<office:document xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\""
				+ " xmlns:style=\"urn:oasis:names:tc:opendocument:xmlns:style:1.0\""
				+ " xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\""
				+ " xmlns:table=\"urn:oasis:names:tc:opendocument:xmlns:table:1.0\""
				+ " office:version=\"1.3\" office:mimetype=\"application/vnd.oasis.opendocument.text\">" + styles
				+ "<office:body><office:text>" + body + "</office:text></office:body></office:document>")
			.getBytes(StandardCharsets.UTF_8);
	}

	private static List<DocumentPart> read(byte[] odt) {
		return new OdtReader().read(new ByteArrayInputStream(odt));
	}

	private static Outline structure(Path file) throws IOException {
		try (InputStream in = Files.newInputStream(file)) {
			return new MarkupStructurer().structure(new OdtReader().read(in));
		}
	}

}
