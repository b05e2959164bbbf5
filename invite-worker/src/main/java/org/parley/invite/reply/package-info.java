/**
 * Reply notifications. A posted comment notifies the author of the comment it answers and
 * the organisers who follow the discussion, each at most once, on its own queue and
 * consumers so an invitation campaign cannot hold it up. Each recipient's choice decides:
 * an email now, a line in the day's digest, or nothing. Mails go through the ledger:
 * retried on 4xx, failed and suppressed on 5xx, sent once whatever the broker redelivers
 * (ADR 0008).
 */
package org.parley.invite.reply;
