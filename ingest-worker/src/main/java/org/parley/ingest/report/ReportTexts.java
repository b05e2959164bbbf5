package org.parley.ingest.report;

import java.text.MessageFormat;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * The texts of a report in its discussion's language, from the resource bundle
 * {@code report-text}; a new language is one more properties file.
 */
final class ReportTexts {

	private final ResourceBundle bundle;

	private final Locale locale;

	ReportTexts(Locale locale) {
		this.bundle = ResourceBundle.getBundle("org.parley.ingest.report.report-text", locale);
		this.locale = locale;
	}

	String text(String key, Object... arguments) {
		return new MessageFormat(this.bundle.getString(key), this.locale).format(arguments);
	}

	/** The label of an answer's status, or the status itself if the bundle has none. */
	String status(String status) {
		try {
			return this.bundle.getString("response." + status);
		}
		catch (MissingResourceException ex) {
			return status;
		}
	}

	String date(OffsetDateTime at, ZoneId zone) {
		return format(at, zone, "report.date");
	}

	String dateTime(OffsetDateTime at, ZoneId zone) {
		return format(at, zone, "report.dateTime");
	}

	private String format(OffsetDateTime at, ZoneId zone, String pattern) {
		if (at == null) {
			return text("report.notSet");
		}
		ZoneId shown = (zone != null) ? zone : ZoneId.of("UTC");
		return DateTimeFormatter.ofPattern(this.bundle.getString(pattern), this.locale)
			.format(at.atZoneSameInstant(shown));
	}

	String number(long n) {
		return java.text.NumberFormat.getIntegerInstance(this.locale).format(n);
	}

	Locale locale() {
		return this.locale;
	}

}
