/**
 * What participants hear by email: their notification settings (immediately, a daily
 * digest, both, or nothing, per discussion and by default, and an account-wide stop),
 * organisers following a discussion, and the one-click unsubscribe link of every
 * notification email.
 */
package org.parley.web.notification;
