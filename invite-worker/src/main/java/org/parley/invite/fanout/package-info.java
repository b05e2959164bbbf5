/**
 * Fan-out: one Spring Batch job per invitation batch turns the raw list into the delivery
 * ledger. Each chunk writes its ledger rows and their SendInvitation messages to the
 * outbox in one transaction, so a job killed and restarted resumes after the last
 * committed chunk with neither a second row nor a second message for any entry.
 */
package org.parley.invite.fanout;
