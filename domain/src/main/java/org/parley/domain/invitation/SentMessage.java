package org.parley.domain.invitation;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A message the mail server accepted for a ledger row, to be recorded as SENT.
 *
 * @param deliveryId the row
 * @param messageId the message's {@code Message-ID}
 * @param sentAt when the server accepted it
 */
public record SentMessage(UUID deliveryId, String messageId, OffsetDateTime sentAt) {

}
