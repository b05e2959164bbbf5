package org.parley.domain.invitation;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;

/**
 * An invitation list in its CSV form: {@code email[,name]} per line, {@code ,}, {@code ;}
 * or a tab as the delimiter (whichever the first line uses most, or what an Excel
 * {@code sep=} line names), fields optionally in double quotes, an optional header line,
 * with or without a byte order mark. Parsing never rejects an address: judging it is
 * {@link EmailAddress}'s job, so that every entry gets a row and a reason.
 * <p>
 * Lists are read entry by entry from a {@link Reader}, never held as a list of entries,
 * so a million-line list costs the memory of its text alone. At upload,
 * {@link #countEntries} also checks the CSV itself (a quote left open, columns beyond the
 * name) and says which line is wrong; the fan-out reads leniently, as lists stored before
 * those checks were read.
 */
public final class InviteeList {

	public static final String MALFORMED = "CSV_MALFORMED";

	public static final String NOT_UTF8 = "NOT_UTF8";

	private static final char BOM = '\uFEFF';

	private final List<Invitee> invitees;

	private InviteeList(List<Invitee> invitees) {
		this.invitees = List.copyOf(invitees);
	}

	/**
	 * A small list whole, such as a resend's one line. Large lists go through
	 * {@link #entries}.
	 */
	public static InviteeList parse(String text) {
		List<Invitee> invitees = new ArrayList<>();
		entries(new StringReader(text)).forEachRemaining(invitees::add);
		return new InviteeList(invitees);
	}

	/** The entries one at a time, read leniently. */
	public static Iterator<Invitee> entries(Reader text) {
		return new Entries(text, false);
	}

	/**
	 * Counts the entries, checking each line's CSV.
	 * @throws InviteeListRejected at the first malformed line
	 */
	public static int countEntries(Reader text) {
		Entries entries = new Entries(text, true);
		int count = 0;
		while (entries.hasNext()) {
			entries.next();
			count++;
		}
		return count;
	}

	/**
	 * The text of an uploaded list: UTF-8, or UTF-16 or UTF-8 with a byte order mark.
	 * Anything else (Windows-1252, Latin-1, UTF-16 without a mark) is refused rather than
	 * guessed: a wrong guess would turn every accented name into garbage without anyone
	 * noticing.
	 * @throws InviteeListRejected with {@link #NOT_UTF8}
	 */
	public static String decode(byte[] bytes) {
		Charset charset = StandardCharsets.UTF_8;
		int skip = 0;
		if (startsWith(bytes, 0xEF, 0xBB, 0xBF)) {
			skip = 3;
		}
		else if (startsWith(bytes, 0xFF, 0xFE)) {
			charset = StandardCharsets.UTF_16LE;
			skip = 2;
		}
		else if (startsWith(bytes, 0xFE, 0xFF)) {
			charset = StandardCharsets.UTF_16BE;
			skip = 2;
		}
		try {
			String text = charset.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(bytes, skip, bytes.length - skip))
				.toString();
			if (text.indexOf('\0') >= 0) {
				throw notUtf8();
			}
			return text;
		}
		catch (CharacterCodingException ex) {
			throw notUtf8();
		}
	}

	private static InviteeListRejected notUtf8() {
		return new InviteeListRejected(NOT_UTF8, "File not readable",
				"The file is not UTF-8 text (it may have been saved as Windows-1252, Latin-1 or UTF-16 without a byte order mark). Please save the list as \"CSV UTF-8\" and upload it again.");
	}

	private static boolean startsWith(byte[] bytes, int... prefix) {
		if (bytes.length < prefix.length) {
			return false;
		}
		for (int i = 0; i < prefix.length; i++) {
			if ((bytes[i] & 0xFF) != prefix[i]) {
				return false;
			}
		}
		return true;
	}

	/** A list of bare addresses, one per line, as a CSV the parser reads back. */
	public static String fromAddresses(List<String> addresses) {
		StringBuilder csv = new StringBuilder();
		for (String address : addresses) {
			csv.append((address != null) ? address.replace('\n', ' ').replace('\r', ' ') : "").append('\n');
		}
		return csv.toString();
	}

	/** A one-line list for one invitee, quoted so that any name survives. */
	public static String of(String email, String name) {
		String line = quote(email);
		return (name != null) ? line + "," + quote(name) + "\n" : line + "\n";
	}

	private static String quote(String field) {
		return '"' + field.replace("\r", " ").replace("\n", " ").replace("\"", "\"\"") + '"';
	}

	public List<Invitee> invitees() {
		return this.invitees;
	}

	public int size() {
		return this.invitees.size();
	}

	private static boolean isHeader(String firstField) {
		String f = firstField.toLowerCase(Locale.ROOT).replace("\"", "").strip();
		return f.indexOf('@') < 0 && (f.equals("email") || f.equals("e-mail") || f.equals("mail")
				|| f.equals("email address") || f.equals("e-mail address") || f.equals("address"));
	}

	private static final class Entries implements Iterator<Invitee> {

		private final BufferedReader lines;

		private final boolean strict;

		private Character delimiter;

		private boolean first = true;

		private int lineNumber;

		private Invitee next;

		private boolean done;

		Entries(Reader text, boolean strict) {
			this.lines = (text instanceof BufferedReader buffered) ? buffered : new BufferedReader(text);
			this.strict = strict;
		}

		@Override
		public boolean hasNext() {
			if (this.next == null && !this.done) {
				this.next = advance();
				this.done = this.next == null;
			}
			return this.next != null;
		}

		@Override
		public Invitee next() {
			if (!hasNext()) {
				throw new NoSuchElementException();
			}
			Invitee invitee = this.next;
			this.next = null;
			return invitee;
		}

		private Invitee advance() {
			for (String line = readLine(); line != null; line = readLine()) {
				if (this.lineNumber == 1 && !line.isEmpty() && line.charAt(0) == BOM) {
					line = line.substring(1);
				}
				if (line.isBlank()) {
					continue;
				}
				if (this.delimiter == null) {
					if (line.regionMatches(true, 0, "sep=", 0, 4) && line.strip().length() == 5) {
						// Excel's own hint of the delimiter, e.g. "sep=;".
						this.delimiter = line.strip().charAt(4);
						continue;
					}
					this.delimiter = delimiterOf(line);
				}
				List<String> fields = fields(line, this.delimiter);
				String email = fields.get(0).strip();
				if (this.first) {
					this.first = false;
					if (isHeader(email)) {
						continue;
					}
				}
				String name = (fields.size() > 1 && !fields.get(1).isBlank()) ? fields.get(1).strip() : null;
				return new Invitee(this.lineNumber, email, name);
			}
			return null;
		}

		/**
		 * The delimiter the first line uses most outside quotes: a comma, a semicolon (as
		 * Excel saves CSV where the comma is the decimal mark) or a tab; a semicolon on a
		 * tie, since a name may hold a comma.
		 */
		private static char delimiterOf(String line) {
			int commas = 0;
			int semicolons = 0;
			int tabs = 0;
			boolean quoted = false;
			for (int i = 0; i < line.length(); i++) {
				char c = line.charAt(i);
				if (c == '"') {
					quoted = !quoted;
				}
				else if (!quoted) {
					commas += (c == ',') ? 1 : 0;
					semicolons += (c == ';') ? 1 : 0;
					tabs += (c == '\t') ? 1 : 0;
				}
			}
			if (tabs > commas && tabs > semicolons) {
				return '\t';
			}
			return (semicolons > 0 && semicolons >= commas) ? ';' : ',';
		}

		private String readLine() {
			try {
				String line = this.lines.readLine();
				if (line != null) {
					this.lineNumber++;
				}
				return line;
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}

		private List<String> fields(String line, char delimiter) {
			List<String> fields = new ArrayList<>(2);
			StringBuilder field = new StringBuilder();
			boolean quoted = false;
			for (int i = 0; i < line.length(); i++) {
				char c = line.charAt(i);
				if (quoted) {
					if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
						field.append('"');
						i++;
					}
					else if (c == '"') {
						quoted = false;
					}
					else {
						field.append(c);
					}
				}
				else if (c == '"' && field.toString().isBlank()) {
					field.setLength(0);
					quoted = true;
				}
				else if (c == delimiter) {
					fields.add(field.toString());
					field.setLength(0);
				}
				else {
					field.append(c);
				}
			}
			fields.add(field.toString());
			if (this.strict) {
				check(quoted, fields);
			}
			return fields;
		}

		private void check(boolean quoteOpen, List<String> fields) {
			if (quoteOpen) {
				throw malformed(
						"a double quote opens a field and is never closed. Close it, or double it (\"\") to keep it in the name.");
			}
			for (int i = 2; i < fields.size(); i++) {
				if (!fields.get(i).isBlank()) {
					throw malformed("it has " + fields.size()
							+ " columns, but Parley reads only the email address and a name. Please remove the other columns.");
				}
			}
		}

		private InviteeListRejected malformed(String why) {
			return new InviteeListRejected(MALFORMED, "List not readable",
					"Line " + this.lineNumber + " of the list cannot be read: " + why);
		}

	}

}
