package org.parley.domain.notification;

import java.time.ZoneId;

/**
 * A participant's default choice, the time zone their digest follows (null: the
 * discussion's or the configured one) and the account-wide stop.
 */
public record NotificationPreferences(NotificationFrequency replies, ZoneId timeZone, boolean stopped) {

	public static final NotificationPreferences DEFAULT = new NotificationPreferences(NotificationFrequency.IMMEDIATE,
			null, false);

}
