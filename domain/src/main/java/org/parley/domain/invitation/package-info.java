/**
 * Invitations: a batch holds the organiser's raw list; the delivery ledger holds one row
 * per entry with its status, and it alone decides whether an invitation is still due, so
 * that neither a restarted fan-out nor a redelivered message sends one twice. Addresses
 * that unsubscribed or bounced hard are suppressed for later batches.
 */
package org.parley.domain.invitation;
