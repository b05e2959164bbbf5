/**
 * Invitations from the web's side: an organiser's list is stored with its batch and
 * announced through the outbox, and the batch's counts are read from the delivery ledger,
 * as JSON, over SSE and on the page. The personal link and the unsubscribe link of the
 * email land here too.
 */
package org.parley.web.invitation;
