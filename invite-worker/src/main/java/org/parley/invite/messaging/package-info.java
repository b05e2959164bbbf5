/**
 * The invite-worker's side of the broker: the queues it consumes and their dead-letter
 * paths, and the outbox relay that publishes what the fan-out and the retry sweep wrote,
 * each message marked published only on the broker's confirm.
 */
package org.parley.invite.messaging;
