package org.parley.web.language;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * {@link LocalDates} for templates, in the page's language:
 * {@code ${@dates.dayMonth(d.closesAt, d.timeZone)}}.
 */
@Component("dates")
public class DateLabels {

	private final Clock clock;

	DateLabels(Clock clock) {
		this.clock = clock;
	}

	/** Whether the moment has come: a close date in the past closed the discussion. */
	public boolean isPast(OffsetDateTime at) {
		return at != null && !at.toInstant().isAfter(this.clock.instant());
	}

	public String dayMonth(OffsetDateTime at, ZoneId zone) {
		return LocalDates.dayMonth(at, zoneOrUtc(zone), LocaleContextHolder.getLocale());
	}

	public String date(OffsetDateTime at, ZoneId zone) {
		return LocalDates.date(at, zoneOrUtc(zone), LocaleContextHolder.getLocale());
	}

	public String dateTime(OffsetDateTime at, ZoneId zone) {
		return LocalDates.dateTime(at, zoneOrUtc(zone), LocaleContextHolder.getLocale());
	}

	private static ZoneId zoneOrUtc(ZoneId zone) {
		return (zone != null) ? zone : ZoneOffset.UTC;
	}

}
