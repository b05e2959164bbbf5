package org.parley.invite;

import org.springframework.test.context.TestPropertySource;

/**
 * The same two workers, taking their work from the ledger instead of one message per
 * invitee (ADR 0025): still nobody is mailed twice.
 */
@TestPropertySource(properties = "parley.invitation.delivery.queue=ledger")
class LedgerQueueTwoWorkersIntegrationTests extends TwoWorkersIntegrationTests {

}
