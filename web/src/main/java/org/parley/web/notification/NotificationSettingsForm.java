package org.parley.web.notification;

import java.util.UUID;

import org.parley.domain.notification.NotificationFrequency;

/**
 * A change of settings. With a discussion id, {@code replies} is the choice for that
 * discussion; without, it is the default, and {@code stopAll} and {@code timeZone} may
 * come with it.
 */
record NotificationSettingsForm(NotificationFrequency replies, UUID discussionId, Boolean stopAll, String timeZone) {

}
