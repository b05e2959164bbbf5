package org.parley.domain.messaging.broker;

import io.micrometer.core.instrument.MeterRegistry;
import org.parley.domain.messaging.Topology;

import org.springframework.amqp.core.AmqpAdmin;
import org.springframework.amqp.core.Declarables;
import org.springframework.amqp.core.FanoutExchange;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.amqp.rabbit.retry.MessageRecoverer;
import org.springframework.amqp.support.converter.JacksonJsonMessageConverter;
import org.springframework.amqp.support.converter.MessageConverter;
import org.springframework.context.annotation.Bean;

/**
 * The messaging every worker sets up alike, from the {@link WorkQueues} it consumes: the
 * queues with their dead-letter paths and the progress exchange, JSON on the wire, the
 * queue depth gauges, and a message that still fails after the listener's retries
 * republished to the dead-letter exchange by the application itself, which works on both
 * RabbitMQ and the embedded broker.
 * <p>
 * A worker imports it ({@code @Import}); it carries no {@code @Configuration} on purpose,
 * because every app scans {@code org.parley.domain} and the web wants none of it.
 */
public class WorkerMessaging {

	@Bean
	Declarables workerTopology(WorkQueues queues, MessagingSettings settings) {
		return queues.declarables(settings.broker(), new FanoutExchange(Topology.PROGRESS_EXCHANGE, true, false));
	}

	@Bean
	QueueDepths queueDepths(AmqpAdmin admin, WorkQueues queues, MessagingSettings settings) {
		return queues.depths(admin, settings);
	}

	@Bean
	MessageConverter messageConverter() {
		return new JacksonJsonMessageConverter();
	}

	/**
	 * Republishes a message that failed after the listener's retries to the dead-letter
	 * exchange, and counts it by the queue it came from.
	 */
	@Bean
	MessageRecoverer deadLetterRecoverer(RabbitTemplate rabbit, MeterRegistry registry) {
		return DeadLetters.recoverer(rabbit, registry);
	}

}
