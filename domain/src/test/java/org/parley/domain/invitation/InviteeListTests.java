package org.parley.domain.invitation;

import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class InviteeListTests {

	@Test
	void readsSemicolonSeparatedListWithBomHeaderAndQuotedNames() {
		InviteeList list = InviteeList
			.parse("\uFEFFEmail;Name\r\nana@example.org;\"Ana; the first\"\r\n\r\nbo@example.org\r\n");

		assertThat(list.invitees()).containsExactly(new Invitee(2, "ana@example.org", "Ana; the first"),
				new Invitee(4, "bo@example.org", null));
	}

	@Test
	void readsTheDelimiterEuropeanExcelAndSpreadsheetsSaveWith() {
		assertThat(InviteeList.parse("E-Mail;Name\r\nana@example.org;Doe, Ana\r\n").invitees())
			.containsExactly(new Invitee(2, "ana@example.org", "Doe, Ana"));
		assertThat(InviteeList.parse("sep=;\r\nEmail;Name\r\nbo@example.org;Bo\r\n").invitees())
			.containsExactly(new Invitee(3, "bo@example.org", "Bo"));
		assertThat(InviteeList.parse("email\tname\ncy@example.org\tCy; Junior\n").invitees())
			.containsExactly(new Invitee(2, "cy@example.org", "Cy; Junior"));
		assertThat(InviteeList.parse("email,name\ndi@example.org,\"Di; the second\"\n").invitees())
			.containsExactly(new Invitee(2, "di@example.org", "Di; the second"));
	}

	@Test
	void keepsAFirstLineWithoutHeaderWordsAsAnEntry() {
		InviteeList list = InviteeList.parse("not an address,Someone\nx@example.org,\"Doe, Jane\"");

		assertThat(list.invitees()).containsExactly(new Invitee(1, "not an address", "Someone"),
				new Invitee(2, "x@example.org", "Doe, Jane"));
	}

	@Test
	void readsBackAListOfBareAddresses() {
		assertThat(InviteeList.parse(InviteeList.fromAddresses(List.of("a@example.org", "b@example.org"))).size())
			.isEqualTo(2);
	}

	@Test
	void readsAMillionLinesOneEntryAtATimeInBoundedMemory() {
		int lines = 1_000_000;
		Reader generated = new GeneratedList(lines);
		Runtime runtime = Runtime.getRuntime();
		System.gc();
		long before = runtime.totalMemory() - runtime.freeMemory();

		Iterator<Invitee> entries = InviteeList.entries(generated);
		int count = 0;
		Invitee last = null;
		while (entries.hasNext()) {
			last = entries.next();
			count++;
		}
		System.gc();
		long retained = runtime.totalMemory() - runtime.freeMemory() - before;

		assertThat(count).isEqualTo(lines);
		assertThat(last)
			.isEqualTo(new Invitee(lines + 1, "person" + (lines - 1) + "@example.org", "Zoë Person " + (lines - 1)));
		// A million entries held in a list take well over 100 MB; streaming keeps a line.
		assertThat(retained).isLessThan(32L * 1024 * 1024);
		assertThat(InviteeList.countEntries(new GeneratedList(lines))).isEqualTo(lines);
	}

	@ParameterizedTest
	@ValueSource(strings = { "UTF-8", "UTF-8 BOM", "UTF-16LE BOM", "UTF-16BE BOM" })
	void decodesUtf8AndUtf16WithAByteOrderMarkKeepingAccentedNames(String encoding) {
		String csv = "email,name\nzoe@example.org,Zoë Müller-Łukasiewicz\n";
		byte[] bytes = switch (encoding) {
			case "UTF-8" -> csv.getBytes(StandardCharsets.UTF_8);
			case "UTF-8 BOM" -> ("\uFEFF" + csv).getBytes(StandardCharsets.UTF_8);
			case "UTF-16LE BOM" -> ("\uFEFF" + csv).getBytes(StandardCharsets.UTF_16LE);
			default -> ("\uFEFF" + csv).getBytes(StandardCharsets.UTF_16BE);
		};

		assertThat(InviteeList.parse(InviteeList.decode(bytes)).invitees())
			.containsExactly(new Invitee(2, "zoe@example.org", "Zoë Müller-Łukasiewicz"));
	}

	@ParameterizedTest
	@ValueSource(strings = { "windows-1252", "ISO-8859-1", "UTF-16LE" })
	void refusesEncodingsItWouldHaveToGuessRatherThanGarbleNames(String charset) {
		byte[] bytes = "email,name\nzoe@example.org,Zoë Müller\n".getBytes(Charset.forName(charset));

		assertThatExceptionOfType(InviteeListRejected.class).isThrownBy(() -> InviteeList.decode(bytes))
			.satisfies(ex -> assertThat(ex.code()).isEqualTo("NOT_UTF8"));
	}

	@Test
	void aQuoteLeftOpenIsRefusedWithItsLine() {
		String csv = "email,name\nana@example.org,Ana\nbo@example.org,\"Bo, the second\nci@example.org,Ci\n";

		assertThatExceptionOfType(InviteeListRejected.class)
			.isThrownBy(() -> InviteeList.countEntries(new StringReader(csv)))
			.satisfies(ex -> {
				assertThat(ex.code()).isEqualTo("CSV_MALFORMED");
				assertThat(ex.detail()).startsWith("Line 3 ").contains("quote");
			});
		assertThat(InviteeList.parse(csv).size()).as("the fan-out reads leniently").isEqualTo(3);
	}

	@Test
	void columnsBeyondTheNameAreRefusedButEmptyTrailingOnesAreNot() {
		assertThat(InviteeList.countEntries(new StringReader("ana@example.org,Ana,,\nbo@example.org,Bo,\n")))
			.isEqualTo(2);

		assertThatExceptionOfType(InviteeListRejected.class).isThrownBy(
				() -> InviteeList.countEntries(new StringReader("ana@example.org,Ana\nbo@example.org,Bo,Acme Ltd\n")))
			.satisfies(ex -> {
				assertThat(ex.code()).isEqualTo("CSV_MALFORMED");
				assertThat(ex.detail()).startsWith("Line 2 ").contains("3 columns");
			});
	}

	/** {@code email,name} lines made as they are read: the list never exists whole. */
	private static final class GeneratedList extends Reader {

		private final int lines;

		private int line;

		private String current = "email,name\n";

		private int position;

		GeneratedList(int lines) {
			this.lines = lines;
		}

		@Override
		public int read(char[] buffer, int offset, int length) {
			if (this.position == this.current.length()) {
				if (this.line == this.lines) {
					return -1;
				}
				this.current = "person" + this.line + "@example.org,Zoë Person " + this.line + "\r\n";
				this.line++;
				this.position = 0;
			}
			int n = Math.min(length, this.current.length() - this.position);
			this.current.getChars(this.position, this.position + n, buffer, offset);
			this.position += n;
			return n;
		}

		@Override
		public void close() {
		}

	}

}
