/**
 * The consultation's outcome: the organisers' answer to each comment (a status and a
 * reason), the date the answers are due, and groups of near-duplicate comments (form
 * letters, copy-paste campaigns) found in process by word shingles, MinHash and LSH
 * banding (ADR 0023), so that one answer can go to the whole group. The comments
 * themselves are never changed by grouping.
 */
package org.parley.domain.outcome;
