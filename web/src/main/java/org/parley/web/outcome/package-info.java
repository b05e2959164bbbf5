/**
 * The consultation's outcome, as organisers work it: answering comments (one, a whole
 * near-duplicate group, or a filtered list at once) and the date the answers are due, the
 * moderation queue, and near-duplicate groups. The comment's author and the discussion's
 * organisers hear of it through the notification ledger, written in the transaction of
 * the change; the invite-worker's sweep sends the mails (ADR 0023).
 * <p>
 * And the outcome for analysts and the public: comments and votes exported (CSV, and XLSX
 * streamed with POI's SXSSF), and reports of the whole consultation, asked for here and
 * made by the ingest-worker's report job, with their progress over SSE and their download
 * (ADR 0024).
 */
package org.parley.web.outcome;
