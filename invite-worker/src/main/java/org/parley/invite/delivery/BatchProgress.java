package org.parley.invite.delivery;

import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.parley.domain.messaging.InvitationBatchProgressed;
import org.parley.domain.messaging.broker.ProgressAnnouncer;

import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Tells the web which batches moved. Thousands of sends a second collapse into one event
 * per batch per tick; the event only asks the web to re-read the ledger, so losing one is
 * harmless.
 */
@Component
public class BatchProgress {

	private final Set<UUID> changed = ConcurrentHashMap.newKeySet();

	private final ProgressAnnouncer announcer;

	BatchProgress(RabbitTemplate rabbit) {
		this.announcer = new ProgressAnnouncer(rabbit);
	}

	public void changed(UUID batchId) {
		this.changed.add(batchId);
	}

	@Scheduled(fixedDelayString = "${parley.invitation.progress-interval:250ms}")
	void announce() {
		for (UUID batchId : Set.copyOf(this.changed)) {
			this.changed.remove(batchId);
			if (!this.announcer.announce(new InvitationBatchProgressed(batchId), "invitation batch", batchId)) {
				return;
			}
		}
	}

}
