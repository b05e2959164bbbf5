/**
 * Delivery: consumers of SendInvitation messages claim their ledger row, wait for a
 * permit of the global sending rate, and send over a pooled SMTP connection. The ledger
 * decides everything a redelivered message could get wrong: a row that is not queued is
 * not sent. Temporary refusals go back to the ledger with a due time, and a sweep
 * re-drives due rows from the database, so a retry never blocks a consumer and works the
 * same on RabbitMQ and the embedded broker.
 */
package org.parley.invite.delivery;
