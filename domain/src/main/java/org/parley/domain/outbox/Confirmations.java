package org.parley.domain.outbox;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What the broker answered for a page of messages published together: the ids it
 * confirmed, and the ones it did not with why. A message in neither was not sent, because
 * publishing stopped at a failure that would have failed the rest as well.
 */
public record Confirmations(List<UUID> confirmed, Map<UUID, PublishFailed> failed) {

	public Confirmations {
		confirmed = List.copyOf(confirmed);
		failed = Map.copyOf(failed);
	}

}
