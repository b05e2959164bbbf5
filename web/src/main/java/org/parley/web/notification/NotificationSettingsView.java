package org.parley.web.notification;

import java.util.UUID;

import org.parley.domain.notification.NotificationFrequency;

/**
 * The settings as they stand.
 *
 * @param discussion the choice for the discussion asked about, or null
 */
record NotificationSettingsView(NotificationFrequency replies, String timeZone, boolean stopAll,
		DiscussionChoice discussion) {

	/**
	 * @param replies the discussion's own choice, or null when the default applies
	 */
	record DiscussionChoice(UUID discussionId, NotificationFrequency replies, boolean following) {
	}

}
