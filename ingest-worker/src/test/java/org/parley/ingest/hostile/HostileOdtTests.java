package org.parley.ingest.hostile;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import java.util.zip.ZipOutputStream;

import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.parley.domain.imports.DocumentRejected;
import org.parley.ingest.odt.OdtReader;
import org.parley.ingest.structure.DocumentPart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The hostile corpus for OpenDocument texts, made from the sample's LibreOffice ODT and
 * FODT: each is refused with its code, without a file read or a network call.
 */
class HostileOdtTests {

	private static final String SAMPLE_ODT = "ogp-draft-strategy/doc.odt";

	private static final String SAMPLE_FODT = "ogp-draft-strategy/doc.fodt";

	private static final long BOMB = 80L * 1024 * 1024;

	static Stream<HostileDocumentTests.Rejection> rejectedOdt() {
		return Stream.of(
				new HostileDocumentTests.Rejection("external entity to /etc/passwd",
						() -> withContent(xml -> withDoctype(xml,
								"<!DOCTYPE office:document-content [ <!ENTITY xxe SYSTEM \"file:///etc/passwd\"> ]>")
							.replaceFirst("<text:p text:style-name=\"P10\">", "<text:p text:style-name=\"P10\">&xxe;")),
						OdtReader.UNREADABLE),
				new HostileDocumentTests.Rejection("billion laughs", () -> withContent(HostileOdtTests::billionLaughs),
						OdtReader.UNREADABLE),
				new HostileDocumentTests.Rejection("content.xml inflating to 80 MB", HostileOdtTests::zipBomb,
						OdtReader.TOO_LARGE),
				new HostileDocumentTests.Rejection("truncated", () -> {
					byte[] whole = HostileDocuments.sample(SAMPLE_ODT);
					return Arrays.copyOf(whole, whole.length / 2);
				}, OdtReader.UNREADABLE),
				new HostileDocumentTests.Rejection("ZIP of something else", HostileDocuments::zipThatIsNotADocx,
						OdtReader.UNREADABLE),
				new HostileDocumentTests.Rejection("a Word document named .odt",
						() -> HostileDocuments.sample(HostileDocuments.SAMPLE_DOCX), OdtReader.UNREADABLE),
				new HostileDocumentTests.Rejection("a PDF named .odt",
						() -> HostileDocuments.sample(HostileDocuments.SAMPLE_PDF), OdtReader.UNREADABLE),
				new HostileDocumentTests.Rejection("flat ODT with an internal DTD",
						() -> withDoctype(new String(HostileDocuments.sample(SAMPLE_FODT), StandardCharsets.UTF_8),
								"<!DOCTYPE office:document [ <!ENTITY a \"aaaa\"> ]>")
							.getBytes(StandardCharsets.UTF_8),
						OdtReader.UNREADABLE),
				new HostileDocumentTests.Rejection("XML that is not an OpenDocument",
						() -> "<?xml version=\"1.0\"?><html><p>Hello</p></html>".getBytes(StandardCharsets.UTF_8),
						OdtReader.UNREADABLE));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("rejectedOdt")
	void hostileOdtIsRejectedWithItsProblem(HostileDocumentTests.Rejection file) {
		byte[] odt = file.bytes().get();

		assertThatExceptionOfType(DocumentRejected.class)
			.isThrownBy(() -> new OdtReader().read(new ByteArrayInputStream(odt)))
			.satisfies(rejected -> {
				assertThat(rejected.problem().code()).isEqualTo(file.code());
				assertThat(rejected.problem().detail()).doesNotContain("root:");
			});
	}

	@Test
	void externalEntitiesAndDtdsNeverReachTheNetwork() throws IOException {
		try (MockWebServer server = new MockWebServer()) {
			server.start();
			String url = server.url("/entity").toString();
			List<byte[]> files = List.of(
					withContent(xml -> withDoctype(xml,
							"<!DOCTYPE office:document-content [ <!ENTITY xxe SYSTEM \"" + url + "\"> ]>")
						.replaceFirst("<text:p text:style-name=\"P10\">", "<text:p text:style-name=\"P10\">&xxe;")),
					withContent(xml -> withDoctype(xml, "<!DOCTYPE office:document-content SYSTEM \"" + url + "\">")),
					withContent(
							xml -> withDoctype(xml, "<!DOCTYPE office:document-content [ <!ENTITY % remote SYSTEM \""
									+ url + "\"> %remote; ]>")));
			for (byte[] odt : files) {
				assertThatExceptionOfType(DocumentRejected.class)
					.isThrownBy(() -> new OdtReader().read(new ByteArrayInputStream(odt)))
					.satisfies(rejected -> assertThat(rejected.problem().code()).isEqualTo(OdtReader.UNREADABLE));
			}
			assertThat(server.getRequestCount()).isZero();
		}
	}

	@Test
	void deeplyNestedListsAreReadWithoutOverflowingTheStack() {
		String nested = "<text:list><text:list-item>".repeat(100_000) + "<text:p>Deep inside.</text:p>"
				+ "</text:list-item></text:list>".repeat(100_000);
		byte[] odt = ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
				+ "<office:document xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\""
				+ " xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\"><office:body><office:text>" + nested
				+ "</office:text></office:body></office:document>")
			.getBytes(StandardCharsets.UTF_8);

		List<DocumentPart> parts = new OdtReader().read(new ByteArrayInputStream(odt));

		assertThat(parts).extracting(DocumentPart::text).containsExactly("Deep inside.");
	}

	private static String withDoctype(String xml, String doctype) {
		String edited = xml.replaceFirst("<\\?xml[^>]*\\?>", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>" + doctype);
		if (edited.equals(xml)) {
			throw new IllegalStateException("The sample did not take the doctype");
		}
		return edited;
	}

	private static String billionLaughs(String xml) {
		StringBuilder dtd = new StringBuilder("<!DOCTYPE office:document-content [ <!ENTITY lol0 \"lollollol\">");
		for (int i = 1; i < 10; i++) {
			dtd.append("<!ENTITY lol")
				.append(i)
				.append(" \"")
				.append(("&lol" + (i - 1) + ";").repeat(10))
				.append("\">");
		}
		dtd.append(" ]>");
		return withDoctype(xml, dtd.toString()).replaceFirst("<text:p text:style-name=\"P10\">",
				"<text:p text:style-name=\"P10\">&lol9;");
	}

	/** content.xml padded with whitespace that compresses a thousandfold. */
	private static byte[] zipBomb() {
		return rewrite(zip -> {
			byte[] spaces = new byte[1024 * 1024];
			Arrays.fill(spaces, (byte) ' ');
			for (long written = 0; written < BOMB; written += spaces.length) {
				zip.write(spaces);
			}
			return null;
		});
	}

	private static byte[] withContent(Function<String, String> edit) {
		return rewrite(null, edit);
	}

	private static byte[] rewrite(Padding padding) {
		return rewrite(padding, Function.identity());
	}

	private static byte[] rewrite(Padding padding, Function<String, String> edit) {
		return HostileDocuments.rezipped(HostileDocuments.sample(SAMPLE_ODT), "content.xml", (content, zip) -> {
			String xml = new String(content, StandardCharsets.UTF_8);
			String edited = edit.apply(xml);
			if (padding != null) {
				int body = xml.indexOf("<office:text");
				zip.write(xml.substring(0, body).getBytes(StandardCharsets.UTF_8));
				padding.pad(zip);
				zip.write(xml.substring(body).getBytes(StandardCharsets.UTF_8));
			}
			else {
				zip.write(edited.getBytes(StandardCharsets.UTF_8));
			}
		});
	}

	@FunctionalInterface
	private interface Padding {

		Void pad(ZipOutputStream zip) throws IOException;

	}

}
