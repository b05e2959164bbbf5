package org.parley.domain.live;

import java.util.Set;
import java.util.UUID;

/**
 * Published in the process that committed new events, right after the commit, so that its
 * own streams need not wait for their next look at the log.
 */
public record DiscussionEventsCommitted(Set<UUID> discussionIds) {

}
