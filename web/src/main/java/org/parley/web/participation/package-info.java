/**
 * Taking part: magic-link sign-in, secret votes on sections, comments, replies, comment
 * votes, flags and moderation, and the statistics everyone sees. Participants and
 * organisers both take part under their email address; only organisers moderate. Paths
 * name sections by running number; this package resolves the number to the section's
 * stable id before it reads or writes a vote or comment (ADR 0018).
 */
package org.parley.web.participation;
