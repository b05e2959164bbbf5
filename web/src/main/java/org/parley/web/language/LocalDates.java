package org.parley.web.language;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.Locale;

import com.ibm.icu.text.DateFormat;
import com.ibm.icu.util.TimeZone;
import com.ibm.icu.util.ULocale;

/**
 * Dates as the reader's language writes them, in the discussion's time zone: "15.
 * Februar", "February 15", "15 février"; with the year and time where a page gives the
 * exact moment. ICU's skeletons put the parts in each language's own order.
 */
public final class LocalDates {

	private LocalDates() {
	}

	/** Day and month: "15. Februar". */
	public static String dayMonth(OffsetDateTime at, ZoneId zone, Locale locale) {
		return format("MMMMd", at, zone, locale);
	}

	/** Day, month and year: "15. Februar 2027". */
	public static String date(OffsetDateTime at, ZoneId zone, Locale locale) {
		return format("yMMMMd", at, zone, locale);
	}

	/** Date, time and zone: "15. Februar 2027 um 18:00 MEZ". */
	public static String dateTime(OffsetDateTime at, ZoneId zone, Locale locale) {
		return format("yMMMMdjmmz", at, zone, locale);
	}

	private static String format(String skeleton, OffsetDateTime at, ZoneId zone, Locale locale) {
		if (at == null) {
			return null;
		}
		DateFormat format = DateFormat.getInstanceForSkeleton(skeleton, ULocale.forLocale(locale));
		format.setTimeZone(TimeZone.getTimeZone(zone.getId()));
		return format.format(Date.from(at.toInstant()));
	}

}
