/**
 * The consultation's outcome, as organisers work it: answering comments (one, a whole
 * near-duplicate group, or a filtered list at once) and the date the answers are due, the
 * moderation queue, and near-duplicate groups. The comment's author and the discussion's
 * organisers hear of it through the notification ledger, written in the transaction of
 * the change; the invite-worker's sweep sends the mails (ADR 0023).
 */
package org.parley.web.outcome;
