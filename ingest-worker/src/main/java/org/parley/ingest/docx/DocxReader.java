package org.parley.ingest.docx;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.apache.poi.UnsupportedFileFormatException;
import org.apache.poi.ooxml.POIXMLException;
import org.apache.poi.ooxml.util.POIXMLUnits;
import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
import org.apache.poi.openxml4j.exceptions.OpenXML4JRuntimeException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.xwpf.usermodel.IBodyElement;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFStyle;
import org.apache.poi.xwpf.usermodel.XWPFStyles;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTNumPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPPrBase;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTRPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTcPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTrPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTVMerge;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STMerge;
import org.parley.domain.imports.DocumentRejected;
import org.parley.domain.imports.ImportProblem;
import org.parley.domain.outline.TableCells;
import org.parley.ingest.archive.ArchiveTooLarge;
import org.parley.ingest.archive.InflatedArchive;
import org.parley.ingest.structure.DocumentPart;
import org.parley.ingest.structure.TableGrid;

/**
 * Reads a Word document into its parts. POI parses the package's XML with external
 * entities and DTDs refused, so a crafted file cannot make the worker read local files or
 * the network. POI holds each part's XML in memory as a tree, so the parts are first
 * inflated once and counted ({@link InflatedArchive}): a small file that inflates to
 * gigabytes (a zip bomb) is refused before POI sees it, and POI reads the inflated parts
 * instead of the ZIP, so its compression-ratio heuristic never refuses a large draft.
 */
public final class DocxReader {

	public static final String UNREADABLE = "DOCX_UNREADABLE";

	public static final String TOO_LARGE = "DOCX_TOO_LARGE";

	public List<DocumentPart> read(InputStream docx) {
		InflatedArchive archive;
		try {
			archive = InflatedArchive.of(docx.readAllBytes());
		}
		catch (ArchiveTooLarge ex) {
			throw tooLarge(ex);
		}
		catch (IOException ex) {
			throw unreadable(ex);
		}
		try (OPCPackage pkg = OPCPackage.open(new InflatedParts(archive));
				XWPFDocument document = new XWPFDocument(pkg)) {
			return parts(document);
		}
		catch (IOException | InvalidFormatException | POIXMLException | UnsupportedFileFormatException
				| OpenXML4JRuntimeException ex) {
			throw unreadable(ex);
		}
	}

	private static DocumentRejected tooLarge(ArchiveTooLarge cause) {
		return new DocumentRejected(new ImportProblem(TOO_LARGE, "Word document too large",
				"This Word document unpacks to far more text than a draft holds, so Parley did not read it. Please save it again as .docx without embedded files, or split it, and retry."),
				cause);
	}

	private static DocumentRejected unreadable(Throwable cause) {
		return new DocumentRejected(new ImportProblem(UNREADABLE, "Word document unreadable",
				"Parley could not read this Word document. Please open it in Word or LibreOffice, save it again as .docx and retry."),
				cause);
	}

	private static List<DocumentPart> parts(XWPFDocument document) {
		XWPFStyles styles = document.getStyles();
		WordNumbering numbering = new WordNumbering(document.getNumbering(), styles);
		List<WordParagraph> paragraphs = new ArrayList<>();
		boolean styledHeadings = false;
		List<IBodyElement> elements = document.getBodyElements();
		Set<Integer> captions = new HashSet<>();
		for (int i = 0; i < elements.size(); i++) {
			IBodyElement element = elements.get(i);
			if (element instanceof XWPFParagraph paragraph && !captions.contains(i)) {
				WordParagraph read = paragraph(paragraph, styles, numbering);
				if (read != null) {
					paragraphs.add(read);
					DocumentPart.Kind kind = read.part().kind();
					styledHeadings |= kind == DocumentPart.Kind.HEADING || kind == DocumentPart.Kind.TITLE;
				}
			}
			else if (element instanceof XWPFTable table) {
				String caption = null;
				if (isCaption(elements, i - 1, styles) && !captions.contains(i - 1) && !paragraphs.isEmpty()
						&& paragraphs.get(paragraphs.size() - 1)
							.part()
							.text()
							.equals(((XWPFParagraph) elements.get(i - 1)).getText())) {
					// Read as a paragraph already: it becomes the caption instead.
					caption = paragraphs.remove(paragraphs.size() - 1).part().text();
				}
				else if (isCaption(elements, i + 1, styles)) {
					captions.add(i + 1);
					caption = ((XWPFParagraph) elements.get(i + 1)).getText();
				}
				TableCells cells = cells(table, caption);
				if (!cells.text().isEmpty()) {
					paragraphs.add(new WordParagraph(DocumentPart.table(cells), null));
				}
			}
			// Content controls (tables of contents, cover-page fields) repeat or frame
			// the text.
		}
		if (!styledHeadings) {
			return InferredHeadings.of(paragraphs);
		}
		return withListHeadings(paragraphs);
	}

	/**
	 * A numbered paragraph at the list level that numbers headings is a heading of their
	 * depth, whatever its style: the author numbered it as one of them.
	 */
	private static List<DocumentPart> withListHeadings(List<WordParagraph> paragraphs) {
		Map<String, Integer> headingLists = new HashMap<>();
		for (WordParagraph paragraph : paragraphs) {
			if (paragraph.list() != null && paragraph.part().kind() == DocumentPart.Kind.HEADING) {
				headingLists.putIfAbsent(paragraph.list(), paragraph.part().depth());
			}
		}
		List<DocumentPart> parts = new ArrayList<>(paragraphs.size());
		for (WordParagraph paragraph : paragraphs) {
			DocumentPart part = paragraph.part();
			Integer depth = (paragraph.list() != null) ? headingLists.get(paragraph.list()) : null;
			if (depth != null && part.kind() == DocumentPart.Kind.LIST_ITEM && part.label() != null) {
				part = DocumentPart.heading(depth, part.label(), part.text());
			}
			parts.add(part);
		}
		return parts;
	}

	private static WordParagraph paragraph(XWPFParagraph paragraph, XWPFStyles styles, WordNumbering numbering) {
		String text = paragraph.getText();
		String styleName = styleName(styles, paragraph.getStyleID());
		if (WordStyleNames.isTableOfContents(styleName)) {
			return null;
		}
		String label = null;
		String list = null;
		boolean numbered = false;
		BigInteger numId = numberingId(paragraph, styles);
		if (numId != null) {
			numbered = numId.signum() != 0;
			int level = numberingLevel(paragraph, styles, numbering, numId);
			label = numbering.next(numId, level);
			list = numbered ? numbering.definitionKey(numId) + "/" + level : null;
		}
		WordParagraph.Look look = look(paragraph, styles);
		if (WordStyleNames.isTitle(styleName)) {
			return new WordParagraph(DocumentPart.title(text), look);
		}
		if (WordStyleNames.isSubtitle(styleName)) {
			return new WordParagraph(DocumentPart.subtitle(text), look);
		}
		int depth = headingDepth(paragraph, styles, styleName);
		if (depth > 0) {
			return new WordParagraph(DocumentPart.heading(depth, label, text), look, list);
		}
		if (numbered) {
			return new WordParagraph(DocumentPart.listItem(label, text), look, list);
		}
		if (WordStyleNames.isQuote(styleName)) {
			return new WordParagraph(DocumentPart.quote(text), look);
		}
		return new WordParagraph(DocumentPart.paragraph(text), look);
	}

	/**
	 * A paragraph in a caption style ("Caption", "Beschriftung", LibreOffice's "Table")
	 * that stands right next to a table, as Word's Insert Caption places it.
	 */
	private static boolean isCaption(List<IBodyElement> elements, int index, XWPFStyles styles) {
		if (index < 0 || index >= elements.size() || !(elements.get(index) instanceof XWPFParagraph paragraph)) {
			return false;
		}
		Set<String> seen = new HashSet<>();
		for (XWPFStyle style = style(styles, paragraph.getStyleID()); style != null
				&& seen.add(style.getStyleId()); style = style(styles, style.getBasisStyleID())) {
			if (WordStyleNames.isCaption(lower(style.getName()))
					|| WordStyleNames.isCaption(lower(style.getStyleId()))) {
				return !paragraph.getText().isBlank();
			}
		}
		return WordStyleNames.isCaption(styleName(styles, paragraph.getStyleID())) && !paragraph.getText().isBlank();
	}

	/**
	 * The table's cells on its grid: a cell spans {@code w:gridSpan} columns, a
	 * {@code w:vMerge} continuation repeats the cell above, {@code w:gridBefore} leaves
	 * columns empty; the leading rows marked to repeat as header ({@code w:tblHeader})
	 * are header rows.
	 */
	private static TableCells cells(XWPFTable table, String caption) {
		TableGrid grid = new TableGrid();
		int headerRows = 0;
		boolean leading = true;
		for (XWPFTableRow row : table.getRows()) {
			grid.startRow();
			CTTrPr trPr = row.getCtRow().getTrPr();
			if (trPr != null && trPr.sizeOfGridBeforeArray() > 0 && trPr.getGridBeforeArray(0).getVal() != null) {
				grid.skip(trPr.getGridBeforeArray(0).getVal().intValue());
			}
			for (XWPFTableCell cell : row.getTableCells()) {
				CTTcPr tcPr = cell.getCTTc().getTcPr();
				int span = 1;
				boolean continued = false;
				if (tcPr != null) {
					if (tcPr.getGridSpan() != null && tcPr.getGridSpan().getVal() != null) {
						span = tcPr.getGridSpan().getVal().intValue();
					}
					CTVMerge merge = tcPr.getVMerge();
					continued = merge != null && (merge.getVal() == null || merge.getVal() == STMerge.CONTINUE);
				}
				if (continued) {
					grid.continueAbove(span);
				}
				else {
					grid.cell(cell.getText(), span, 1);
				}
			}
			leading &= row.isRepeatHeader();
			headerRows += leading ? 1 : 0;
		}
		return grid.cells(headerRows, caption);
	}

	/**
	 * From the style ("Heading 2", "Überschrift 2", "Titre 2"), or from an outline level,
	 * the paragraph's own or its style's, following the style's based-on chain.
	 */
	private static int headingDepth(XWPFParagraph paragraph, XWPFStyles styles, String styleName) {
		int named = WordStyleNames.headingDepth(styleName);
		if (named > 0) {
			return named;
		}
		CTPPrBase own = paragraph.getCTP().getPPr();
		if (own != null && own.getOutlineLvl() != null && own.getOutlineLvl().getVal() != null) {
			return outlineDepth(own.getOutlineLvl().getVal());
		}
		Set<String> seen = new HashSet<>();
		for (XWPFStyle style = style(styles, paragraph.getStyleID()); style != null
				&& seen.add(style.getStyleId()); style = style(styles, style.getBasisStyleID())) {
			CTPPrBase pPr = style.getCTStyle().getPPr();
			if (pPr != null && pPr.getOutlineLvl() != null && pPr.getOutlineLvl().getVal() != null) {
				return outlineDepth(pPr.getOutlineLvl().getVal());
			}
			int based = WordStyleNames.headingDepth(lower(style.getName()));
			if (based == 0) {
				based = WordStyleNames.headingDepth(lower(style.getStyleId()));
			}
			if (based > 0) {
				return based;
			}
		}
		return 0;
	}

	/** Outline level 9 is Word's "body text". */
	private static int outlineDepth(BigInteger level) {
		int value = level.intValue();
		return (value >= 0 && value < 9) ? value + 1 : 0;
	}

	/**
	 * The paragraph's list instance, or its style's (heading styles linked to a numbered
	 * list); 0 when the paragraph removes its style's numbering; null for none.
	 */
	private static BigInteger numberingId(XWPFParagraph paragraph, XWPFStyles styles) {
		CTPPrBase own = paragraph.getCTP().getPPr();
		if (own != null && own.getNumPr() != null && own.getNumPr().getNumId() != null) {
			return own.getNumPr().getNumId().getVal();
		}
		for (CTNumPr numPr : styleNumbering(paragraph, styles)) {
			if (numPr.getNumId() != null) {
				return numPr.getNumId().getVal();
			}
		}
		return null;
	}

	/**
	 * The paragraph's own list level, or its style's, or the level of the list that names
	 * the paragraph's style (Word links "Heading 1" to a list by the list's level, not by
	 * a level in the style).
	 */
	private static int numberingLevel(XWPFParagraph paragraph, XWPFStyles styles, WordNumbering numbering,
			BigInteger numId) {
		CTPPrBase own = paragraph.getCTP().getPPr();
		if (own != null && own.getNumPr() != null && own.getNumPr().getIlvl() != null
				&& own.getNumPr().getIlvl().getVal() != null) {
			return own.getNumPr().getIlvl().getVal().intValue();
		}
		for (CTNumPr numPr : styleNumbering(paragraph, styles)) {
			if (numPr.getIlvl() != null && numPr.getIlvl().getVal() != null) {
				return numPr.getIlvl().getVal().intValue();
			}
		}
		return numbering.levelOfStyle(numId, paragraph.getStyleID());
	}

	private static List<CTNumPr> styleNumbering(XWPFParagraph paragraph, XWPFStyles styles) {
		List<CTNumPr> chain = new ArrayList<>();
		Set<String> seen = new HashSet<>();
		for (XWPFStyle style = style(styles, paragraph.getStyleID()); style != null
				&& seen.add(style.getStyleId()); style = style(styles, style.getBasisStyleID())) {
			CTPPrBase pPr = style.getCTStyle().getPPr();
			if (pPr != null && pPr.getNumPr() != null) {
				chain.add(pPr.getNumPr());
			}
		}
		return chain;
	}

	/**
	 * How the paragraph looks: its first run's size, whether all its text is bold, in
	 * capitals, and the bold text it starts with.
	 */
	private static WordParagraph.Look look(XWPFParagraph paragraph, XWPFStyles styles) {
		List<CTRPr> styleRuns = new ArrayList<>();
		Set<String> seen = new HashSet<>();
		for (XWPFStyle style = style(styles, paragraph.getStyleID()); style != null
				&& seen.add(style.getStyleId()); style = style(styles, style.getBasisStyleID())) {
			if (style.getCTStyle().getRPr() != null) {
				styleRuns.add(style.getCTStyle().getRPr());
			}
		}
		int size = 0;
		boolean allBold = true;
		boolean anyText = false;
		boolean inPrefix = true;
		StringBuilder boldPrefix = new StringBuilder();
		for (XWPFRun run : paragraph.getRuns()) {
			String text = run.text();
			if (text == null || text.isBlank()) {
				if (text != null && inPrefix && boldPrefix.length() > 0) {
					boldPrefix.append(text);
				}
				continue;
			}
			CTRPr own = run.getCTR().getRPr();
			boolean bold = onOff(own, styleRuns, true);
			if (!anyText) {
				size = size(own, styleRuns);
			}
			anyText = true;
			allBold &= bold;
			if (inPrefix && bold) {
				boldPrefix.append(text);
			}
			else {
				inPrefix = false;
			}
		}
		return new WordParagraph.Look(size, anyText && allBold, boldPrefix.toString());
	}

	private static boolean onOff(CTRPr own, List<CTRPr> styleRuns, boolean bold) {
		if (own != null && own.sizeOfBArray() > 0) {
			return POIXMLUnits.parseOnOff(own.getBArray(0));
		}
		for (CTRPr style : styleRuns) {
			if (style.sizeOfBArray() > 0) {
				return POIXMLUnits.parseOnOff(style.getBArray(0));
			}
		}
		return false;
	}

	/** In half-points, as Word stores it; 0 when nothing sets it. */
	private static int size(CTRPr own, List<CTRPr> styleRuns) {
		if (own != null && own.sizeOfSzArray() > 0) {
			return halfPoints(own.getSzArray(0).getVal());
		}
		for (CTRPr style : styleRuns) {
			if (style.sizeOfSzArray() > 0) {
				return halfPoints(style.getSzArray(0).getVal());
			}
		}
		return 0;
	}

	private static int halfPoints(Object value) {
		if (value instanceof Number number) {
			return number.intValue();
		}
		String text = String.valueOf(value).strip();
		try {
			return text.endsWith("pt") ? (int) Math.round(Double.parseDouble(text.replace("pt", "")) * 2)
					: Integer.parseInt(text);
		}
		catch (NumberFormatException ex) {
			return 0;
		}
	}

	private static XWPFStyle style(XWPFStyles styles, String id) {
		return (styles != null && id != null) ? styles.getStyle(id) : null;
	}

	private static String styleName(XWPFStyles styles, String id) {
		XWPFStyle style = style(styles, id);
		if (style != null && style.getName() != null) {
			return lower(style.getName());
		}
		return (id != null) ? lower(id) : "";
	}

	private static String lower(String name) {
		return (name != null) ? name.strip().toLowerCase(Locale.ROOT) : "";
	}

}
