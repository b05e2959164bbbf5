package org.parley.ingest.hostile;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.function.Function;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/**
 * Files an attacker, or an unlucky organiser, would upload: each is made here from the
 * samples or from scratch, so nothing large is committed.
 */
public final class HostileDocuments {

	public static final String SAMPLE_PDF = "ogp-draft-strategy/doc-office.pdf";

	public static final String SAMPLE_DOCX = "ogp-draft-strategy/doc.docx";

	private HostileDocuments() {
	}

	public static byte[] sample(String path) {
		try (InputStream in = HostileDocuments.class.getResourceAsStream("/samples/" + path)) {
			return in.readAllBytes();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	// PDFs
	// ----------------------------------------------------------------------------------

	public static byte[] truncated(double fraction) {
		byte[] whole = sample(SAMPLE_PDF);
		return Arrays.copyOf(whole, (int) (whole.length * fraction));
	}

	public static byte[] headerOnly() {
		return "%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII);
	}

	public static byte[] headerThenGarbage() {
		byte[] garbage = new byte[64 * 1024];
		new java.util.Random(7).nextBytes(garbage);
		byte[] header = headerOnly();
		byte[] file = Arrays.copyOf(header, header.length + garbage.length);
		System.arraycopy(garbage, 0, file, header.length, garbage.length);
		return file;
	}

	/**
	 * The sample with every stream's bytes inverted: objects intact, contents garbage.
	 */
	public static byte[] corruptedStreams() {
		byte[] pdf = sample(SAMPLE_PDF).clone();
		String text = new String(pdf, StandardCharsets.ISO_8859_1);
		for (int start = text.indexOf("stream\n"); start >= 0; start = text.indexOf("stream\n", start + 1)) {
			int end = text.indexOf("endstream", start);
			if (end < 0) {
				break;
			}
			for (int i = start + 7; i < end - 1; i++) {
				pdf[i] = (byte) ~pdf[i];
			}
			start = end;
		}
		return pdf;
	}

	public static byte[] userPasswordEncrypted() {
		return protectedWith("secret");
	}

	/**
	 * Opens without a password; only the permissions are restricted. Accepted by design.
	 */
	public static byte[] ownerPasswordOnly() {
		return protectedWith("");
	}

	private static byte[] protectedWith(String userPassword) {
		try (PDDocument document = textDocument(2)) {
			AccessPermission permissions = new AccessPermission();
			permissions.setCanExtractContent(false);
			StandardProtectionPolicy policy = new StandardProtectionPolicy("owner", userPassword, permissions);
			policy.setEncryptionKeyLength(256);
			document.protect(policy);
			return bytes(document);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** An /Encrypt dictionary naming a security handler that does not exist. */
	public static byte[] unknownEncryption() {
		return RawPdf.onePage(RawPdf.TEXT, RawPdf.FONT)
			.object(5, "<< /Filter /NoSuchHandler /V 9 /R 9 /Length 128 >>")
			.trailer("/Encrypt 5 0 R /ID [<01020304> <01020304>]")
			.bytes();
	}

	/**
	 * Real pages, one content stream shared by all, so 10,000 pages take about 600 KB.
	 */
	public static byte[] pages(int count) {
		RawPdf pdf = new RawPdf().object(1, "<< /Type /Catalog /Pages 2 0 R >>")
			.object(2,
					"<< /Type /Pages /Kids [" + String.join(" ", RawPdf.pageRefs(10, count)) + "] /Count " + count
							+ " /MediaBox [0 0 612 792] /Resources " + RawPdf.FONT + " >>")
			.stream(3, "", RawPdf.TEXT);
		for (int i = 0; i < count; i++) {
			pdf.object(10 + i, "<< /Type /Page /Parent 2 0 R /Contents 3 0 R >>");
		}
		return pdf.bytes();
	}

	/** One page whose page tree claims a billion. */
	public static byte[] lyingPageCount() {
		return new RawPdf().object(1, "<< /Type /Catalog /Pages 2 0 R >>")
			.object(2, "<< /Type /Pages /Kids [3 0 R] /Count 1000000000 >>")
			.object(3,
					"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources " + RawPdf.FONT
							+ " /Contents 4 0 R >>")
			.stream(4, "", RawPdf.TEXT)
			.bytes();
	}

	public static byte[] deeplyNestedArrays(int depth) {
		return RawPdf.onePage(RawPdf.TEXT, RawPdf.FONT)
			.object(1, "<< /Type /Catalog /Pages 2 0 R /Nest " + "[".repeat(depth) + "]".repeat(depth) + " >>")
			.bytes();
	}

	public static byte[] deeplyNestedDictionaries(int depth) {
		return RawPdf.onePage(RawPdf.TEXT, RawPdf.FONT)
			.object(1,
					"<< /Type /Catalog /Pages 2 0 R /Nest " + "<< /A ".repeat(depth) + "1" + " >>".repeat(depth)
							+ " >>")
			.bytes();
	}

	/**
	 * A chain of indirect references, each object pointing at the next: nesting without
	 * recursion in the text.
	 */
	public static byte[] longReferenceChain(int length) {
		RawPdf pdf = RawPdf.onePage(RawPdf.TEXT, RawPdf.FONT)
			.object(1, "<< /Type /Catalog /Pages 2 0 R /Outlines 10 0 R >>");
		for (int i = 0; i < length; i++) {
			pdf.object(10 + i, "<< /Title (Bookmark " + i + ") /First " + (11 + i) + " 0 R /Count 1 >>");
		}
		pdf.object(10 + length, "<< /Title (Last) >>");
		return pdf.bytes();
	}

	/** The page tree's kid is its own parent. */
	public static byte[] pageTreeCycle() {
		return new RawPdf().object(1, "<< /Type /Catalog /Pages 2 0 R >>")
			.object(2, "<< /Type /Pages /Kids [3 0 R] /Count 2 >>")
			.object(3, "<< /Type /Pages /Parent 2 0 R /Kids [2 0 R 4 0 R] /Count 2 >>")
			.object(4,
					"<< /Type /Page /Parent 3 0 R /MediaBox [0 0 612 792] /Resources " + RawPdf.FONT
							+ " /Contents 5 0 R >>")
			.stream(5, "", RawPdf.TEXT)
			.bytes();
	}

	/** The cross-reference table's /Prev points back at itself. */
	public static byte[] xrefPrevCycle() {
		return RawPdf.onePage(RawPdf.TEXT, RawPdf.FONT).prevToItself().bytes();
	}

	/** A stream whose /Length is the stream object itself. */
	public static byte[] selfReferencingLength() {
		return RawPdf.onePage(RawPdf.TEXT, RawPdf.FONT)
			.stream(4, "", "4 0 R", RawPdf.TEXT.getBytes(StandardCharsets.ISO_8859_1))
			.bytes();
	}

	/**
	 * A page two billion points wide with a few lines of text (found by the fuzz run).
	 */
	public static byte[] absurdPageWidth() {
		return new RawPdf().object(1, "<< /Type /Catalog /Pages 2 0 R >>")
			.object(2, "<< /Type /Pages /Kids [3 0 R] /Count 1 >>")
			.object(3,
					"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 2000000000 792] /Resources " + RawPdf.FONT
							+ " /Contents 4 0 R >>")
			.stream(4, "",
					RawPdf.TEXT + " BT /F1 12 Tf 72 700 Td (A second line of the draft text.) Tj ET"
							+ " BT /F1 12 Tf 72 680 Td (A third line of the draft text.) Tj ET"
							+ " BT /F1 12 Tf 72 660 Td (A fourth line of the draft text.) Tj ET")
			.bytes();
	}

	/** A form XObject that draws itself. */
	public static byte[] recursiveForm() {
		return RawPdf.onePage(RawPdf.TEXT + " /X1 Do", "<< /Font << /F1 6 0 R >> /XObject << /X1 5 0 R >> >>")
			.stream(5,
					"/Type /XObject /Subtype /Form /BBox [0 0 612 792] /Resources << /Font << /F1 6 0 R >> /XObject << /X1 5 0 R >> >>",
					RawPdf.TEXT + " /X1 Do")
			.object(6, "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")
			.bytes();
	}

	/** A content stream that inflates from about 1 MB to {@code inflated} bytes. */
	public static byte[] flateBomb(long inflated) {
		return RawPdf.onePage("", RawPdf.FONT)
			.stream(4, "/Filter /FlateDecode", RawPdf.deflateRepeated(" ", inflated))
			.bytes();
	}

	/**
	 * An embedded TrueType font program that inflates from about 1 MB to {@code inflated}
	 * bytes.
	 */
	public static byte[] fontBomb(long inflated) {
		return RawPdf.onePage(RawPdf.TEXT, "<< /Font << /F1 5 0 R >> >>")
			.object(5,
					"<< /Type /Font /Subtype /TrueType /BaseFont /Bomb /FirstChar 32 /LastChar 126 /FontDescriptor 6 0 R >>")
			.object(6,
					"<< /Type /FontDescriptor /FontName /Bomb /Flags 32 /FontBBox [0 0 1000 1000] /ItalicAngle 0 /Ascent 800 /Descent -200 /CapHeight 700 /StemV 80 /FontFile2 7 0 R >>")
			.stream(7, "/Filter /FlateDecode", RawPdf.deflateRepeated("\0", inflated))
			.bytes();
	}

	/** A ToUnicode map that inflates from about 1 MB to {@code inflated} bytes. */
	public static byte[] toUnicodeBomb(long inflated) {
		return RawPdf.onePage(RawPdf.TEXT, "<< /Font << /F1 5 0 R >> >>")
			.object(5, "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /ToUnicode 7 0 R >>")
			.stream(7, "/Filter /FlateDecode", RawPdf.deflateRepeated("<0041> ", inflated))
			.bytes();
	}

	/**
	 * Far more drawing operators than a draft has: a form of {@code inflated} bytes
	 * (under the stream cap) drawn {@code times} over on one page, so only the time limit
	 * stops it.
	 */
	public static byte[] operatorFlood(long inflated, int times) {
		return RawPdf.onePage("/X1 Do\n".repeat(times), "<< /Font << /F1 6 0 R >> /XObject << /X1 5 0 R >> >>")
			.stream(5,
					"/Type /XObject /Subtype /Form /BBox [0 0 612 792] /Resources << /Font << /F1 6 0 R >> >> /Filter /FlateDecode",
					RawPdf.deflateRepeated("BT /F1 1 Tf 1 0 0 1 72 720 Tm (x) Tj ET\n", inflated))
			.object(6, "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")
			.bytes();
	}

	/** One page whose content is a thousand references to one 16 MB stream. */
	public static byte[] repeatedContentStream(long inflated, int times) {
		String contents = "[" + String.join(" ", java.util.Collections.nCopies(times, "4 0 R")) + "]";
		return new RawPdf().object(1, "<< /Type /Catalog /Pages 2 0 R >>")
			.object(2, "<< /Type /Pages /Kids [3 0 R] /Count 1 >>")
			.object(3,
					"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources " + RawPdf.FONT + " /Contents "
							+ contents + " >>")
			.stream(4, "/Filter /FlateDecode", RawPdf.deflateRepeated("0 0 m\n", inflated))
			.bytes();
	}

	/** An image that claims a trillion pixels and holds a few bytes. */
	public static byte[] hugeImage() {
		return RawPdf.onePage(RawPdf.TEXT + " q 612 0 0 792 0 0 cm /Im1 Do Q",
				"<< /Font << /F1 << /Type /Font /Subtype /Type1 /BaseFont /Helvetica >> >> /XObject << /Im1 5 0 R >> >>")
			.stream(5,
					"/Type /XObject /Subtype /Image /Width 1000000 /Height 1000000 /ColorSpace /DeviceRGB /BitsPerComponent 8 /Filter /FlateDecode",
					RawPdf.deflate(new byte[1024]))
			.bytes();
	}

	public static byte[] empty() {
		return new byte[0];
	}

	public static byte[] zipRenamedPdf() {
		return sample(SAMPLE_DOCX);
	}

	public static byte[] png() {
		return new byte[] { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R' };
	}

	// DOCX
	// ----------------------------------------------------------------------------------

	/** word/document.xml declares an external entity and uses it in the text. */
	public static byte[] docxWithExternalEntity(String systemId) {
		return docxWithDocumentXml(xml -> xml.replaceFirst("<\\?xml[^>]*\\?>",
				"<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"no\"?>\n<!DOCTYPE w:document [ <!ENTITY xxe SYSTEM \""
						+ systemId + "\"> ]>")
			.replaceFirst("<w:t>", "<w:t>&xxe;"));
	}

	/** An external DTD only (parameter entities), the out-of-band variant of XXE. */
	public static byte[] docxWithExternalDtd(String systemId) {
		return docxWithDocumentXml(xml -> xml.replaceFirst("<\\?xml[^>]*\\?>",
				"<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"no\"?>\n<!DOCTYPE w:document SYSTEM \""
						+ systemId + "\">"));
	}

	/**
	 * Nested internal entities: a few hundred bytes that expand to gigabytes ("billion
	 * laughs").
	 */
	public static byte[] docxBillionLaughs() {
		StringBuilder dtd = new StringBuilder("<!DOCTYPE w:document [ <!ENTITY lol0 \"lollollollollol\">");
		for (int i = 1; i < 10; i++) {
			dtd.append("<!ENTITY lol")
				.append(i)
				.append(" \"")
				.append(("&lol" + (i - 1) + ";").repeat(10))
				.append("\">");
		}
		dtd.append(" ]>");
		return docxWithDocumentXml(xml -> xml
			.replaceFirst("<\\?xml[^>]*\\?>", "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"no\"?>\n" + dtd)
			.replaceFirst("<w:t>", "<w:t>&lol9;"));
	}

	/** word/document.xml padded with whitespace that compresses a thousandfold. */
	public static byte[] docxZipBomb(long inflated) {
		return rezipped(sample(SAMPLE_DOCX), "word/document.xml", (content, zip) -> {
			String xml = new String(content, StandardCharsets.UTF_8);
			int body = xml.indexOf("<w:body>") + "<w:body>".length();
			zip.write(xml.substring(0, body).getBytes(StandardCharsets.UTF_8));
			byte[] spaces = new byte[1024 * 1024];
			Arrays.fill(spaces, (byte) ' ');
			for (long written = 0; written < inflated; written += spaces.length) {
				zip.write(spaces);
			}
			zip.write(xml.substring(body).getBytes(StandardCharsets.UTF_8));
		});
	}

	/**
	 * The archive again, compressed as hard as ZIP can, with one entry written anew from
	 * its old content.
	 */
	static byte[] rezipped(byte[] archive, String entryName, EntryRewrite rewrite) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(archive));
				ZipOutputStream zip = new ZipOutputStream(out)) {
			zip.setLevel(9);
			for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
				byte[] content = in.readAllBytes();
				zip.putNextEntry(new ZipEntry(entry.getName()));
				if (entry.getName().equals(entryName)) {
					rewrite.write(content, zip);
				}
				else {
					zip.write(content);
				}
				zip.closeEntry();
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toByteArray();
	}

	/** Writes an entry's new content, given its old one. */
	@FunctionalInterface
	interface EntryRewrite {

		void write(byte[] content, ZipOutputStream zip) throws IOException;

	}

	/** A ZIP of something else, named .docx. */
	public static byte[] zipThatIsNotADocx() {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (ZipOutputStream zip = new ZipOutputStream(out)) {
			zip.putNextEntry(new ZipEntry("readme.txt"));
			zip.write("not a word document".getBytes(StandardCharsets.UTF_8));
			zip.closeEntry();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toByteArray();
	}

	public static byte[] truncatedDocx() {
		byte[] whole = sample(SAMPLE_DOCX);
		return Arrays.copyOf(whole, whole.length / 2);
	}

	private static byte[] docxWithDocumentXml(Function<String, String> edit) {
		byte[] docx = sample(SAMPLE_DOCX);
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(docx));
				ZipOutputStream zip = new ZipOutputStream(out)) {
			for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
				byte[] content = in.readAllBytes();
				if (entry.getName().equals("word/document.xml")) {
					String xml = new String(content, StandardCharsets.UTF_8);
					String edited = edit.apply(xml);
					if (edited.equals(xml)) {
						throw new IllegalStateException("The sample's document.xml did not take the edit");
					}
					content = edited.getBytes(StandardCharsets.UTF_8);
				}
				zip.putNextEntry(new ZipEntry(entry.getName()));
				zip.write(content);
				zip.closeEntry();
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toByteArray();
	}

	// helpers
	// -------------------------------------------------------------------------------

	public static PDDocument textDocument(int pages) throws IOException {
		PDDocument document = new PDDocument();
		PDType1Font font = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
		for (int i = 1; i <= pages; i++) {
			PDPage page = new PDPage();
			document.addPage(page);
			try (PDPageContentStream content = new PDPageContentStream(document, page)) {
				content.beginText();
				content.setFont(font, 12);
				content.newLineAtOffset(72, 720);
				content.showText("1. Page " + i + " of a consultation draft with enough text");
				content.endText();
			}
		}
		return document;
	}

	public static byte[] bytes(PDDocument document) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		document.save(out);
		return out.toByteArray();
	}

}
