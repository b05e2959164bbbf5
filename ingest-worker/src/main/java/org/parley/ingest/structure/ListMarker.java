package org.parley.ingest.structure;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The marker that opens a list item: a bullet glyph, which is dropped from the text, or
 * an item number such as {@code 1.}, {@code a)}, {@code (iv)}, which is kept because
 * readers refer to it.
 */
final class ListMarker {

	/**
	 * Bullet glyphs, including the private-use code points that Symbol and Wingdings
	 * bullets come out as.
	 */
	private static final Pattern BULLET = Pattern.compile(
			"^[\\u2022\\u25E6\\u25AA\\u25AB\\u25A0\\u25A1\\u25CF\\u25CB\\u25C6\\u25C7\\u25BA\\u25B6\\u2023\\u2043\\u2219\\u00B7\\u27A2\\u27A4\\u2192\\u2713\\u2714\\u2756\\u2605\\u2606\\uE000-\\uF8FF]\\s*");

	/**
	 * Dashes open list items only where layout also says so: in prose they are
	 * punctuation.
	 */
	private static final Pattern DASH = Pattern.compile("^[-–—*]\\s+");

	private static final Pattern NUMBER = Pattern
		.compile("^(?:\\d{1,3}[.)]|\\(\\d{1,3}\\)|[a-z][.)]|\\([a-z]\\)|[ivx]{1,5}[.)]|\\([ivx]{1,5}\\))\\s+\\S");

	private ListMarker() {
	}

	static boolean startsWithBullet(String text) {
		return BULLET.matcher(text).find();
	}

	static boolean startsWithDash(String text) {
		return DASH.matcher(text).find();
	}

	static boolean startsWithNumber(String text) {
		return NUMBER.matcher(text).find();
	}

	/** Whether the text opens with any kind of item marker. */
	static boolean startsItem(String text) {
		return startsWithBullet(text) || startsWithNumber(text);
	}

	/** The text without its bullet or dash; numbered items keep their number. */
	static String withoutBullet(String text) {
		Matcher bullet = BULLET.matcher(text);
		if (bullet.find()) {
			return text.substring(bullet.end());
		}
		Matcher dash = DASH.matcher(text);
		if (dash.find()) {
			return text.substring(dash.end());
		}
		return text;
	}

}
