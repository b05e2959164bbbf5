package org.parley.ingest.odt;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import org.parley.domain.imports.DocumentRejected;
import org.parley.domain.imports.ImportProblem;
import org.parley.ingest.archive.ArchiveTooLarge;
import org.parley.ingest.archive.InflatedArchive;
import org.parley.ingest.structure.DocumentPart;

/**
 * Reads an OpenDocument text, packaged (.odt: a ZIP with {@code content.xml} and
 * {@code styles.xml}) or flat (.fodt: one XML file), into its parts. The package is
 * inflated within the same budgets as a Word document; the XML is read as a stream by the
 * JDK's own parser with DTDs refused, so no entity is ever declared, expanded or fetched,
 * and nesting costs no stack.
 */
public final class OdtReader {

	public static final String UNREADABLE = "ODT_UNREADABLE";

	public static final String TOO_LARGE = "ODT_TOO_LARGE";

	public static final String MEDIA_TYPE = "application/vnd.oasis.opendocument.text";

	private static final byte[] ZIP = { 'P', 'K', 3, 4 };

	public List<DocumentPart> read(InputStream odt) {
		byte[] bytes;
		try {
			bytes = odt.readAllBytes();
		}
		catch (IOException ex) {
			throw unreadable(ex);
		}
		try {
			if (startsWith(bytes, ZIP)) {
				return readPackage(InflatedArchive.of(bytes));
			}
			if (bytes.length > InflatedArchive.MAX_ENTRY_BYTES) {
				throw tooLarge(null);
			}
			OdtContent content = new OdtContent();
			parse(bytes, content);
			return content.parts();
		}
		catch (ArchiveTooLarge ex) {
			throw tooLarge(ex);
		}
		catch (IOException | XMLStreamException | NotOpenDocumentText ex) {
			throw unreadable(ex);
		}
	}

	private static List<DocumentPart> readPackage(InflatedArchive archive) throws XMLStreamException {
		byte[] mimetype = archive.entry("mimetype");
		if (mimetype != null) {
			String declared = new String(mimetype, StandardCharsets.US_ASCII).strip();
			if (!declared.startsWith(MEDIA_TYPE)) {
				throw new NotOpenDocumentText(declared);
			}
		}
		byte[] content = archive.entry("content.xml");
		if (content == null) {
			throw new NotOpenDocumentText("no content.xml");
		}
		OdtContent document = new OdtContent();
		byte[] styles = archive.entry("styles.xml");
		if (styles != null) {
			parse(styles, document);
		}
		parse(content, document);
		return document.parts();
	}

	private static void parse(byte[] xml, OdtContent content) throws XMLStreamException {
		XMLStreamReader reader = factory().createXMLStreamReader(new ByteArrayInputStream(xml));
		try {
			boolean root = true;
			while (reader.hasNext()) {
				int event = reader.next();
				if (event == XMLStreamConstants.DTD) {
					throw new NotOpenDocumentText("a document type declaration");
				}
				if (event == XMLStreamConstants.START_ELEMENT && root) {
					root = false;
					if (!OdtContent.OFFICE.equals(reader.getNamespaceURI())) {
						throw new NotOpenDocumentText("root " + reader.getLocalName());
					}
				}
				content.accept(event, reader);
			}
		}
		finally {
			reader.close();
		}
	}

	/**
	 * The JDK's built-in StAX parser, whatever else is on the class path, with DTDs and
	 * external entities off and every external resource refused.
	 */
	private static XMLInputFactory factory() {
		XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
		factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
		factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
		factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
		factory.setXMLResolver((publicId, systemId, baseUri, namespace) -> {
			throw new XMLStreamException("External resources are never read");
		});
		return factory;
	}

	private static boolean startsWith(byte[] content, byte[] prefix) {
		return content.length >= prefix.length && Arrays.equals(content, 0, prefix.length, prefix, 0, prefix.length);
	}

	private static DocumentRejected tooLarge(ArchiveTooLarge cause) {
		return new DocumentRejected(new ImportProblem(TOO_LARGE, "OpenDocument text too large",
				"This OpenDocument text unpacks to far more text than a draft holds, so Parley did not read it. Please save it again as .odt without embedded files, or split it, and retry."),
				cause);
	}

	private static DocumentRejected unreadable(Throwable cause) {
		return new DocumentRejected(new ImportProblem(UNREADABLE, "OpenDocument text unreadable",
				"Parley could not read this OpenDocument text. Please open it in LibreOffice, save it again as .odt and retry."),
				cause);
	}

	/** The bytes are XML or a ZIP, but not an OpenDocument text. */
	static final class NotOpenDocumentText extends RuntimeException {

		NotOpenDocumentText(String what) {
			super("Not an OpenDocument text: " + what);
		}

	}

}
