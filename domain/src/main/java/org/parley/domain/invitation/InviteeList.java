package org.parley.domain.invitation;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * An invitation list in its CSV form: {@code email[,name]} per line, {@code ,} or {@code ;} as the
 * delimiter (whichever the first entry uses), fields optionally in double quotes, an optional
 * header line, with or without a byte order mark. Parsing never rejects an entry: judging the
 * address is {@link EmailAddress}'s job, so that every entry gets a row and a reason.
 */
public final class InviteeList {

	private static final char BOM = '\uFEFF';

	private final List<Invitee> invitees;

	private InviteeList(List<Invitee> invitees) {
		this.invitees = List.copyOf(invitees);
	}

	public static InviteeList parse(String text) {
		Cursor cursor = new Cursor(new StringReader(text));
		List<Invitee> invitees = new ArrayList<>();
		Invitee invitee;
		while ((invitee = cursor.next()) != null) {
			invitees.add(invitee);
		}
		return new InviteeList(invitees);
	}

	/**
	 * Reads a list entry by entry, holding one line at a time: the invite-worker walks lists of a
	 * million entries with it. It reads exactly what {@link #parse} reads, with the same line numbers.
	 */
	public static final class Cursor {

		private final BufferedReader lines;

		private int lineNumber;

		private Character delimiter;

		private boolean first = true;

		public Cursor(Reader text) {
			this.lines = new BufferedReader(text);
		}

		/** The next entry, or {@code null} after the last. */
		public Invitee next() {
			String line;
			while ((line = readLine()) != null) {
				this.lineNumber++;
				if (this.lineNumber == 1 && !line.isEmpty() && line.charAt(0) == BOM) {
					line = line.substring(1);
				}
				if (line.isBlank()) {
					continue;
				}
				if (this.delimiter == null) {
					this.delimiter = (line.indexOf(';') >= 0) ? ';' : ',';
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

		private String readLine() {
			try {
				return this.lines.readLine();
			}
			catch (IOException ex) {
				throw new UncheckedIOException("The invitation list could not be read", ex);
			}
		}

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

	private static List<String> fields(String line, char delimiter) {
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
		return fields;
	}

}
