package org.parley.invite;

import org.springframework.test.context.TestPropertySource;

/**
 * The delivery of a batch with invalid, duplicate and suppressed entries, its consumers
 * taking their work from the ledger (ADR 0025).
 */
@TestPropertySource(properties = "parley.invitation.delivery.queue=ledger")
class LedgerQueueDeliveryIntegrationTests extends InvitationDeliveryIntegrationTests {

}
