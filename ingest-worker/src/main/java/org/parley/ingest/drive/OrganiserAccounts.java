package org.parley.ingest.drive;

import java.util.Optional;
import java.util.UUID;

/**
 * The Drive access of an organiser who connected their own Google account, if they did.
 */
@FunctionalInterface
public interface OrganiserAccounts {

	OrganiserAccounts NONE = organiserId -> Optional.empty();

	Optional<DriveAccess> of(UUID organiserId);

}
