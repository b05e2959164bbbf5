package org.parley.ingest.gdocs;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;

import org.parley.ingest.structure.ListNumber;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The CSS counters of a Google Docs export's lists, evaluated in document order: which
 * list classes increment which counter, which reset it, and what each item's
 * {@code :before} content draws. Only the rule shapes that Docs writes are understood;
 * anything else is ignored.
 */
final class ListCounters {

	private static final Pattern RULE = Pattern.compile("([^{}]+)\\{([^}]*)}");

	private static final Pattern ITEM_BEFORE = Pattern.compile("^\\.(lst-kix_[\\w-]+)\\s*>\\s*li:before$");

	private static final Pattern ITEM = Pattern.compile("^\\.(lst-kix_[\\w-]+)\\s*>\\s*li$");

	private static final Pattern LIST = Pattern.compile("^(?:ol|ul)((?:\\.[\\w-]+)+)$");

	private static final Pattern CONTENT_TOKEN = Pattern
		.compile("\"((?:[^\"\\\\]|\\\\.)*)\"|counter\\(\\s*([\\w-]+)\\s*(?:,\\s*([\\w-]+)\\s*)?\\)");

	private final Map<String, List<Token>> contentByClass = new HashMap<>();

	private final Map<String, String> incrementByClass = new HashMap<>();

	private final List<Reset> resets = new ArrayList<>();

	private final Map<String, Integer> values = new HashMap<>();

	ListCounters(String styleSheet) {
		Matcher rule = RULE.matcher(styleSheet);
		while (rule.find()) {
			String declarations = rule.group(2);
			for (String selector : rule.group(1).split(",")) {
				read(selector.strip(), declarations);
			}
		}
	}

	private void read(String selector, String declarations) {
		Matcher before = ITEM_BEFORE.matcher(selector);
		if (before.matches()) {
			String content = declaration(declarations, "content");
			if (content != null) {
				this.contentByClass.put(before.group(1), tokens(content));
			}
			return;
		}
		Matcher item = ITEM.matcher(selector);
		if (item.matches()) {
			String increment = declaration(declarations, "counter-increment");
			if (increment != null) {
				this.incrementByClass.put(item.group(1), increment.strip().split("\\s+")[0]);
			}
			return;
		}
		Matcher list = LIST.matcher(selector);
		if (list.matches()) {
			String reset = declaration(declarations, "counter-reset");
			if (reset != null) {
				String[] words = reset.strip().split("\\s+");
				int value = (words.length > 1) ? parseInt(words[1]) : 0;
				this.resets.add(new Reset(Set.of(list.group(1).substring(1).split("\\.")), words[0], value));
			}
		}
	}

	/**
	 * Applies the counter resets of a list element that starts, before its items are
	 * counted.
	 */
	void enterList(Set<String> classes, String startAttribute) {
		for (Reset reset : this.resets) {
			if (classes.containsAll(reset.classes())) {
				this.values.put(reset.counter(), reset.value());
			}
		}
		if (startAttribute != null && !startAttribute.isBlank()) {
			for (String listClass : classes) {
				String counter = this.incrementByClass.get(listClass);
				if (counter != null) {
					this.values.put(counter, parseInt(startAttribute.strip()) - 1);
				}
			}
		}
	}

	/**
	 * Counts an item of a list with these classes and returns the number drawn before it,
	 * as displayed and without trailing spaces; null for a bullet or a list Docs did not
	 * style.
	 */
	String label(Set<String> classes) {
		String listClass = null;
		for (String candidate : classes) {
			if (this.contentByClass.containsKey(candidate) || this.incrementByClass.containsKey(candidate)) {
				listClass = candidate;
			}
		}
		if (listClass == null) {
			return null;
		}
		String counter = this.incrementByClass.get(listClass);
		if (counter != null) {
			this.values.merge(counter, 1, Integer::sum);
		}
		List<Token> content = this.contentByClass.get(listClass);
		if (content == null || content.stream().noneMatch(t -> t.counter() != null)) {
			return null;
		}
		StringBuilder label = new StringBuilder();
		for (Token token : content) {
			if (token.counter() != null) {
				label.append(format(this.values.getOrDefault(token.counter(), 0), token.text()));
			}
			else {
				label.append(token.text());
			}
		}
		String drawn = label.toString().replace('\u00a0', ' ').strip();
		return drawn.isEmpty() ? null : drawn;
	}

	private static String declaration(String declarations, String property) {
		for (String declaration : declarations.split(";")) {
			int colon = declaration.indexOf(':');
			if (colon > 0 && declaration.substring(0, colon).strip().equalsIgnoreCase(property)) {
				return declaration.substring(colon + 1).strip();
			}
		}
		return null;
	}

	private static List<Token> tokens(String content) {
		List<Token> tokens = new ArrayList<>();
		Matcher token = CONTENT_TOKEN.matcher(content);
		while (token.find()) {
			if (token.group(2) != null) {
				tokens.add(new Token(token.group(2), (token.group(3) != null) ? token.group(3) : "decimal"));
			}
			else {
				tokens.add(new Token(null, unescape(token.group(1))));
			}
		}
		return tokens;
	}

	/**
	 * CSS string escapes: a backslash and up to six hex digits, optionally ended by one
	 * space.
	 */
	static String unescape(String css) {
		StringBuilder text = new StringBuilder();
		for (int i = 0; i < css.length(); i++) {
			char c = css.charAt(i);
			if (c != '\\' || i + 1 >= css.length()) {
				text.append(c);
				continue;
			}
			int end = i + 1;
			while (end < css.length() && end < i + 7 && Character.digit(css.charAt(end), 16) >= 0) {
				end++;
			}
			if (end == i + 1) {
				text.append(css.charAt(i + 1));
				i++;
				continue;
			}
			text.appendCodePoint(Integer.parseInt(css.substring(i + 1, end), 16));
			if (end < css.length() && css.charAt(end) == ' ') {
				end++;
			}
			i = end - 1;
		}
		return text.toString();
	}

	static String format(int value, String style) {
		return switch (style.toLowerCase(Locale.ROOT)) {
			case "lower-latin", "lower-alpha" -> letters(value).toLowerCase(Locale.ROOT);
			case "upper-latin", "upper-alpha" -> letters(value);
			case "lower-roman" -> ListNumber.roman(value).toLowerCase(Locale.ROOT);
			case "upper-roman" -> ListNumber.roman(value);
			case "decimal-leading-zero" -> (value < 10 && value >= 0) ? "0" + value : Integer.toString(value);
			default -> Integer.toString(value);
		};
	}

	static String letters(int value) {
		if (value < 1) {
			return Integer.toString(value);
		}
		StringBuilder letters = new StringBuilder();
		for (int n = value; n > 0; n = (n - 1) / 26) {
			letters.insert(0, (char) ('A' + (n - 1) % 26));
		}
		return letters.toString();
	}

	private static int parseInt(String text) {
		try {
			return Integer.parseInt(text);
		}
		catch (NumberFormatException ex) {
			return 0;
		}
	}

	static Set<String> classes(String classAttribute) {
		Set<String> classes = new HashSet<>();
		for (String name : classAttribute.strip().split("\\s+")) {
			if (!name.isEmpty()) {
				classes.add(name);
			}
		}
		return classes;
	}

	/**
	 * A piece of {@code content}: literal text, or a counter and its style in
	 * {@code text}.
	 */
	private record Token(String counter, String text) {
	}

	private record Reset(Set<String> classes, String counter, int value) {
	}

}
