package org.parley.domain.messaging;

import java.util.UUID;

/**
 * An invitation batch moved on. Like {@link ImportProgressed} it only names the batch:
 * the counts are read from the ledger, so a lost event costs a refresh, never a wrong
 * number.
 */
public record InvitationBatchProgressed(UUID batchId) {

}
