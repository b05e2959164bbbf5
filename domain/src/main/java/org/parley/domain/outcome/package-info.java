/**
 * The consultation's outcome: the organisers' answer to each comment (a status and a
 * reason), the date the answers are due, and groups of near-duplicate comments (form
 * letters, copy-paste campaigns) found in process by word shingles, MinHash and LSH
 * banding (ADR 0023), so that one answer can go to the whole group. The comments
 * themselves are never changed by grouping.
 * <p>
 * It is also the outcome as analysts and readers of the report see it
 * ({@code CommentRecords}, {@code OutcomeFigures}): every comment with its section,
 * votes, replies, moderation state, answer and group, read page by page so that a hundred
 * thousand never sit in memory together; the web's exports and the ingest-worker's report
 * both read it from here.
 */
package org.parley.domain.outcome;
