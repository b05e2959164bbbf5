package org.parley.domain.messaging;

import java.util.UUID;

/** Someone asked for a magic link; the link's id is enough to build and mail it. */
public record SignInLinkRequested(UUID messageId, UUID linkId) implements WorkMessage {

	@Override
	public String queue() {
		return Topology.SIGN_IN_LINK_REQUESTED;
	}

}
