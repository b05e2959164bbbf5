package org.parley.domain.messaging.broker;

import org.parley.domain.outbox.Outbox;
import org.parley.domain.outbox.OutboxRelay;
import org.parley.domain.outbox.OutboxSchedule;

import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.context.annotation.Bean;

/**
 * The outbox relay of a process that writes to the outbox: it publishes with publisher
 * confirms, after each commit that wrote to the outbox and every second. A process
 * imports it ({@code @Import}); it carries no {@code @Configuration} on purpose, because
 * every app scans {@code org.parley.domain} and the ingest-worker relays nothing.
 */
public class OutboxRelaying {

	@Bean
	OutboxRelay outboxRelay(Outbox outbox, RabbitTemplate rabbit) {
		return new OutboxRelay(outbox, new ConfirmedPublisher(rabbit));
	}

	@Bean
	OutboxSchedule outboxSchedule(OutboxRelay relay) {
		return new OutboxSchedule(relay);
	}

}
