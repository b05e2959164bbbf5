/**
 * Taking part: magic-link sign-in, secret votes on sections, comments, replies, comment
 * votes, flags and moderation, and the statistics everyone sees. Participants and
 * organisers both take part under their email address; only organisers moderate.
 */
package org.parley.web.participation;
