package org.parley.web.imports;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.parley.domain.imports.DocumentFormat;
import org.parley.web.system.ProblemException;

import org.springframework.http.HttpStatus;

/**
 * The format of an upload, judged by its bytes as readers judge them: a PDF header, a ZIP
 * whose content types declare a Word document or whose mimetype entry an OpenDocument
 * text, an OpenDocument text as one XML file, or UTF-8 text named or declared as
 * Markdown. Names and declared types are trusted only to tell Markdown from other text.
 */
final class UploadedFormat {

	private static final byte[] ZIP = { 'P', 'K', 3, 4 };

	private static final String WORD_MAIN = "wordprocessingml.document.main";

	/** [Content_Types].xml is small; reading more would only serve a zip bomb. */
	private static final int CONTENT_TYPES_LIMIT = 256 * 1024;

	private static final String ODT_MEDIA_TYPE = DocumentFormat.ODT.mediaType();

	private static final int MIMETYPE_LIMIT = 128;

	private static final int FLAT_HEAD_LIMIT = 16 * 1024;

	private UploadedFormat() {
	}

	static DocumentFormat of(byte[] content, String fileName, String declaredType) {
		if (PdfSignature.matches(content)) {
			return DocumentFormat.PDF;
		}
		String name = (fileName != null) ? fileName.toLowerCase(Locale.ROOT) : "";
		if (name.endsWith(".pdf")) {
			throw new ProblemException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "NOT_A_PDF", "Not a PDF",
					"This file is not a PDF, even though its name says so. Please export the draft as a PDF again, or upload it as a Word (.docx), OpenDocument (.odt) or Markdown (.md) file.");
		}
		if (startsWith(content, ZIP)) {
			if (isWordDocument(content)) {
				return DocumentFormat.DOCX;
			}
			if (isOpenDocumentText(content)) {
				return DocumentFormat.ODT;
			}
			throw unsupported("a ZIP archive that is not a Word or OpenDocument text");
		}
		boolean markdownNamed = name.endsWith(".md") || name.endsWith(".markdown")
				|| (declaredType != null && declaredType.toLowerCase(Locale.ROOT).startsWith("text/markdown"));
		if (isUtf8Text(content)) {
			if (isFlatOpenDocumentText(content)) {
				return DocumentFormat.FLAT_ODT;
			}
			if (markdownNamed) {
				return DocumentFormat.MARKDOWN;
			}
			throw unsupported("plain text without a .md name");
		}
		throw unsupported(describe(content, name));
	}

	private static ProblemException unsupported(String what) {
		return new ProblemException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "UNSUPPORTED_FORMAT", "Unsupported file type",
				"This file is " + what
						+ ", which Parley cannot import. Please upload a PDF, a Word (.docx), an OpenDocument (.odt) or a Markdown (.md) file.");
	}

	private static boolean isWordDocument(byte[] content) {
		try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(content))) {
			for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
				if (entry.getName().equals("[Content_Types].xml")) {
					byte[] types = zip.readNBytes(CONTENT_TYPES_LIMIT);
					return new String(types, StandardCharsets.UTF_8).contains(WORD_MAIN);
				}
			}
			return false;
		}
		catch (IOException | IllegalArgumentException ex) {
			return false;
		}
	}

	/**
	 * An OpenDocument package names its type in a first, stored entry called "mimetype".
	 */
	private static boolean isOpenDocumentText(byte[] content) {
		try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(content))) {
			for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
				if (entry.getName().equals("mimetype")) {
					byte[] type = zip.readNBytes(MIMETYPE_LIMIT);
					return new String(type, StandardCharsets.US_ASCII).strip().equals(ODT_MEDIA_TYPE);
				}
			}
			return false;
		}
		catch (IOException | IllegalArgumentException ex) {
			return false;
		}
	}

	/**
	 * A Flat ODT is one XML file whose root, office:document, names the type; the root's
	 * namespace declarations fit in the first kilobytes.
	 */
	private static boolean isFlatOpenDocumentText(byte[] content) {
		String head = new String(content, 0, Math.min(content.length, FLAT_HEAD_LIMIT), StandardCharsets.UTF_8);
		int root = head.indexOf("<office:document");
		int rootEnd = (root >= 0) ? head.indexOf('>', root) : -1;
		return rootEnd > 0 && head.substring(root, rootEnd).contains("office:mimetype=\"" + ODT_MEDIA_TYPE + "\"");
	}

	private static boolean isUtf8Text(byte[] content) {
		for (byte b : content) {
			if (b == 0) {
				return false;
			}
		}
		try {
			StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(content));
			return true;
		}
		catch (CharacterCodingException ex) {
			return false;
		}
	}

	private static String describe(byte[] content, String name) {
		if (startsWith(content, new byte[] { (byte) 0x89, 'P', 'N', 'G' })) {
			return "an image (PNG)";
		}
		if (startsWith(content, new byte[] { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF })) {
			return "an image (JPEG)";
		}
		if (startsWith(content, new byte[] { (byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0 })) {
			return "an old Office document (.doc, .xls or .ppt)";
		}
		int dot = name.lastIndexOf('.');
		return (dot >= 0 && dot < name.length() - 1) ? "a ." + name.substring(dot + 1) + " file" : "of an unknown type";
	}

	private static boolean startsWith(byte[] content, byte[] prefix) {
		return content.length >= prefix.length && Arrays.equals(content, 0, prefix.length, prefix, 0, prefix.length);
	}

}
