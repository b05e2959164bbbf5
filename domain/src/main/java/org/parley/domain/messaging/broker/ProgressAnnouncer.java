package org.parley.domain.messaging.broker;

import java.util.UUID;

import org.parley.domain.messaging.Topology;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.amqp.AmqpException;
import org.springframework.amqp.rabbit.core.RabbitTemplate;

/**
 * Tells every web instance that a piece of long work moved on, on the progress fanout
 * exchange. The event is only a nudge to re-read the database, so one the broker does not
 * take is logged and dropped: pages catch up from the database.
 */
public final class ProgressAnnouncer {

	private static final Logger log = LoggerFactory.getLogger(ProgressAnnouncer.class);

	private final RabbitTemplate rabbit;

	public ProgressAnnouncer(RabbitTemplate rabbit) {
		this.rabbit = rabbit;
	}

	/**
	 * @param what what the log calls the work ({@code import})
	 * @return whether the broker took the event
	 */
	public boolean announce(Object event, String what, UUID id) {
		try {
			this.rabbit.convertAndSend(Topology.PROGRESS_EXCHANGE, "", event);
			return true;
		}
		catch (AmqpException ex) {
			log.warn("Progress of {} {} not announced; pages will catch up from the database: {}", what, id,
					ex.getMessage());
			return false;
		}
	}

}
