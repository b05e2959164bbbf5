package org.parley.domain.messaging;

import java.util.UUID;

/**
 * A report moved on. Like {@link ImportProgressed}, only a nudge to re-read the database.
 */
public record ReportProgressed(UUID reportId) {

}
