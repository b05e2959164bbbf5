package org.parley.ingest.report;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineItem;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The two writers on a consultation made in memory, read back with PDFBox and POI: the
 * PDF is tagged, has its language, title and bookmarks, embeds its fonts, and says what
 * the consultation said; the DOCX has heading styles and the same content.
 */
class ReportWritersTests {

	@Test
	void pdfIsTaggedWithItsLanguageTitleAndBookmarksFollowingTheSections() throws IOException {
		Consultation consultation = SampleConsultation.of(12, 60, Locale.ENGLISH);
		byte[] pdf = pdf(consultation);

		try (PDDocument doc = Loader.loadPDF(pdf)) {
			assertThat(doc.getDocumentCatalog().getMarkInfo()).isNotNull();
			assertThat(doc.getDocumentCatalog().getMarkInfo().isMarked()).isTrue();
			assertThat(doc.getDocumentCatalog().getStructureTreeRoot()).isNotNull();
			assertThat(doc.getDocumentCatalog().getLanguage()).isEqualTo("en");
			assertThat(doc.getDocumentInformation().getTitle()).isEqualTo(consultation.title());
			List<String> bookmarks = new ArrayList<>();
			for (PDOutlineItem item : doc.getDocumentCatalog().getDocumentOutline().children()) {
				bookmarks.add(item.getTitle());
				item.children().forEach(child -> bookmarks.add(child.getTitle()));
			}
			assertThat(bookmarks).contains("The consultation at a glance", "Responses by status",
					"The sections and what people said", consultation.sections().get(0).name());
			for (PDFont font : fonts(doc)) {
				assertThat(font.isEmbedded()).as(font.getName()).isTrue();
			}
			String text = new PDFTextStripper().getText(doc);
			assertThat(text).contains(consultation.title(), "Most controversial", "Partly accepted",
					"Identical or nearly identical text sent by 2,300 participants", "A former participant");
		}
	}

	@Test
	void pdfInGermanSaysSoAndSpeaksIt() throws IOException {
		byte[] pdf = pdf(SampleConsultation.of(3, 5, Locale.GERMAN));
		try (PDDocument doc = Loader.loadPDF(pdf)) {
			assertThat(doc.getDocumentCatalog().getLanguage()).isEqualTo("de");
			assertThat(new PDFTextStripper().getText(doc)).contains("Antworten nach Status");
		}
	}

	@Test
	void docxHasHeadingStylesAndTheSameContent() throws IOException {
		Consultation consultation = SampleConsultation.of(12, 60, Locale.ENGLISH);
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		DocxReport.write(consultation, out, n -> {
		});
		try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(out.toByteArray()))) {
			assertThat(doc.getProperties().getCoreProperties().getTitle()).isEqualTo(consultation.title());
			List<String> headings = doc.getParagraphs()
				.stream()
				.filter(p -> p.getStyle() != null && p.getStyle().startsWith("Heading"))
				.map(XWPFParagraph::getText)
				.toList();
			assertThat(headings).contains("Responses by status", consultation.sections().get(0).name());
			assertThat(doc.getStyles().getStyle("Heading1")).isNotNull();
			assertThat(doc.getAllPictures()).isNotEmpty();
			String text = String.join("\n", doc.getParagraphs().stream().map(XWPFParagraph::getText).toList());
			assertThat(text).contains("Identical or nearly identical text sent by 2,300 participants");
			assertThat(doc.getTables().get(0).getText()).contains("People invited by email");
		}
	}

	static byte[] pdf(Consultation consultation) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		PdfReport.write(consultation, out, n -> {
		});
		Path target = Path.of("target", "report-samples");
		Files.createDirectories(target);
		Files.write(target.resolve("sample-" + consultation.language() + ".pdf"), out.toByteArray());
		return out.toByteArray();
	}

	private static List<PDFont> fonts(PDDocument doc) throws IOException {
		List<PDFont> fonts = new ArrayList<>();
		for (var page : doc.getPages()) {
			for (var name : page.getResources().getFontNames()) {
				fonts.add(page.getResources().getFont(name));
			}
		}
		return fonts;
	}

}
