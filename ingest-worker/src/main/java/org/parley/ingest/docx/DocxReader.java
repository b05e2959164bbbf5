package org.parley.ingest.docx;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.apache.poi.UnsupportedFileFormatException;
import org.apache.poi.ooxml.POIXMLException;
import org.apache.poi.xwpf.usermodel.IBodyElement;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFStyle;
import org.apache.poi.xwpf.usermodel.XWPFStyles;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTNumPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPPrBase;
import org.parley.domain.imports.DocumentRejected;
import org.parley.domain.imports.ImportProblem;
import org.parley.ingest.structure.DocumentPart;

/**
 * Reads a Word document into its parts. POI parses the package's XML with external
 * entities and DTDs refused, so a crafted file cannot make the worker read local files or
 * the network. POI holds each part's XML in memory as a tree, so the parts are first
 * inflated once and counted: a small file that inflates to gigabytes (a zip bomb) is
 * refused before POI sees it.
 */
public final class DocxReader {

	public static final String UNREADABLE = "DOCX_UNREADABLE";

	public static final String TOO_LARGE = "DOCX_TOO_LARGE";

	/** A 400-page draft's document.xml is about 20 MB. */
	static final long MAX_PART_BYTES = 64L * 1024 * 1024;

	static final long MAX_TOTAL_BYTES = 256L * 1024 * 1024;

	private static final int MAX_PARTS = 10_000;

	private static final Pattern HEADING_STYLE = Pattern.compile("^heading\\s*([1-9])$");

	public List<DocumentPart> read(InputStream docx) {
		byte[] bytes;
		try {
			bytes = docx.readAllBytes();
		}
		catch (IOException ex) {
			throw unreadable(ex);
		}
		requireModestParts(bytes);
		try (XWPFDocument document = new XWPFDocument(new ByteArrayInputStream(bytes))) {
			return parts(document);
		}
		catch (IOException | POIXMLException | UnsupportedFileFormatException ex) {
			throw unreadable(ex);
		}
	}

	private static void requireModestParts(byte[] docx) {
		long total = 0;
		int parts = 0;
		byte[] buffer = new byte[64 * 1024];
		try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(docx))) {
			for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
				if (++parts > MAX_PARTS) {
					throw tooLarge();
				}
				long part = 0;
				for (int n = zip.read(buffer); n >= 0; n = zip.read(buffer)) {
					part += n;
					total += n;
					if (part > MAX_PART_BYTES || total > MAX_TOTAL_BYTES) {
						throw tooLarge();
					}
				}
			}
		}
		catch (IOException | IllegalArgumentException ex) {
			// Not a readable ZIP: POI says so in its own words just after.
		}
	}

	private static DocumentRejected tooLarge() {
		return new DocumentRejected(new ImportProblem(TOO_LARGE, "Word document too large",
				"This Word document unpacks to far more text than a draft holds, so Parley did not read it. Please save it again as .docx without embedded files, or split it, and retry."));
	}

	private static DocumentRejected unreadable(Throwable cause) {
		return new DocumentRejected(new ImportProblem(UNREADABLE, "Word document unreadable",
				"Parley could not read this Word document. Please open it in Word or LibreOffice, save it again as .docx and retry."),
				cause);
	}

	private static List<DocumentPart> parts(XWPFDocument document) {
		WordNumbering numbering = new WordNumbering(document.getNumbering());
		XWPFStyles styles = document.getStyles();
		List<DocumentPart> parts = new ArrayList<>();
		for (IBodyElement element : document.getBodyElements()) {
			if (element instanceof XWPFParagraph paragraph) {
				DocumentPart part = paragraph(paragraph, styles, numbering);
				if (part != null) {
					parts.add(part);
				}
			}
			else if (element instanceof XWPFTable table) {
				table(table, parts);
			}
			// Content controls (tables of contents, cover-page fields) repeat or frame
			// the text.
		}
		return parts;
	}

	private static DocumentPart paragraph(XWPFParagraph paragraph, XWPFStyles styles, WordNumbering numbering) {
		String text = paragraph.getText();
		String styleName = styleName(styles, paragraph.getStyleID());
		if (styleName.startsWith("toc")) {
			return null;
		}
		CTNumPr numPr = numberingOf(paragraph, styles);
		String label = null;
		boolean numbered = false;
		if (numPr != null && numPr.getNumId() != null) {
			BigInteger numId = numPr.getNumId().getVal();
			int level = (numPr.getIlvl() != null && numPr.getIlvl().getVal() != null)
					? numPr.getIlvl().getVal().intValue() : 0;
			numbered = numId != null && numId.signum() != 0;
			label = numbering.next(numId, level);
		}
		if (styleName.equals("title")) {
			return DocumentPart.title(text);
		}
		if (styleName.equals("subtitle") || styleName.endsWith(".subtitle") || styleName.endsWith(" subtitle")) {
			return DocumentPart.subtitle(text);
		}
		int depth = headingDepth(paragraph, styles, styleName);
		if (depth > 0) {
			return DocumentPart.heading(depth, label, text);
		}
		if (numbered) {
			return DocumentPart.listItem(label, text);
		}
		if (styleName.equals("quote") || styleName.equals("intense quote")) {
			return DocumentPart.quote(text);
		}
		return DocumentPart.paragraph(text);
	}

	private static void table(XWPFTable table, List<DocumentPart> parts) {
		for (XWPFTableRow row : table.getRows()) {
			List<String> cells = new ArrayList<>();
			for (XWPFTableCell cell : row.getTableCells()) {
				cells.add(cell.getText().replace('\n', ' ').strip());
			}
			parts.add(DocumentPart.tableRow(String.join(" | ", cells)));
		}
	}

	/**
	 * From the style ("Heading 2", "heading 2") or from an outline level, the paragraph's
	 * own or its style's.
	 */
	private static int headingDepth(XWPFParagraph paragraph, XWPFStyles styles, String styleName) {
		Matcher heading = HEADING_STYLE.matcher(styleName);
		if (heading.matches()) {
			return Integer.parseInt(heading.group(1));
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
			Matcher based = HEADING_STYLE.matcher(lower(style.getName()));
			if (based.matches()) {
				return Integer.parseInt(based.group(1));
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
	 * The paragraph's numbering, or its style's (heading styles linked to a numbered
	 * list).
	 */
	private static CTNumPr numberingOf(XWPFParagraph paragraph, XWPFStyles styles) {
		CTPPrBase own = paragraph.getCTP().getPPr();
		if (own != null && own.getNumPr() != null) {
			return own.getNumPr();
		}
		Set<String> seen = new HashSet<>();
		for (XWPFStyle style = style(styles, paragraph.getStyleID()); style != null
				&& seen.add(style.getStyleId()); style = style(styles, style.getBasisStyleID())) {
			CTPPrBase pPr = style.getCTStyle().getPPr();
			if (pPr != null && pPr.getNumPr() != null) {
				return pPr.getNumPr();
			}
		}
		return null;
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
