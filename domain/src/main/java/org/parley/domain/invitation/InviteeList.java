package org.parley.domain.invitation;

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
		String content = (!text.isEmpty() && text.charAt(0) == BOM) ? text.substring(1) : text;
		String[] lines = content.split("\r\n|\r|\n", -1);
		List<Invitee> invitees = new ArrayList<>();
		Character delimiter = null;
		boolean first = true;
		for (int i = 0; i < lines.length; i++) {
			String line = lines[i];
			if (line.isBlank()) {
				continue;
			}
			if (delimiter == null) {
				delimiter = (line.indexOf(';') >= 0) ? ';' : ',';
			}
			List<String> fields = fields(line, delimiter);
			String email = fields.get(0).strip();
			if (first) {
				first = false;
				if (isHeader(email)) {
					continue;
				}
			}
			String name = (fields.size() > 1 && !fields.get(1).isBlank()) ? fields.get(1).strip() : null;
			invitees.add(new Invitee(i + 1, email, name));
		}
		return new InviteeList(invitees);
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
