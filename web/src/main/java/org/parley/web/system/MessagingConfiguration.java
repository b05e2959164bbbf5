package org.parley.web.system;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.parley.domain.messaging.Topology;
import org.parley.domain.messaging.broker.ConfirmedPublisher;
import org.parley.domain.messaging.broker.MessagingSettings;
import org.parley.domain.messaging.broker.QueueDepths;
import org.parley.domain.outbox.Outbox;
import org.parley.domain.outbox.OutboxRelay;
import org.parley.domain.outbox.OutboxSchedule;

import org.springframework.amqp.core.AmqpAdmin;
import org.springframework.amqp.core.Binding;
import org.springframework.amqp.core.BindingBuilder;
import org.springframework.amqp.core.Declarable;
import org.springframework.amqp.core.Declarables;
import org.springframework.amqp.core.DirectExchange;
import org.springframework.amqp.core.FanoutExchange;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.amqp.support.converter.JacksonJsonMessageConverter;
import org.springframework.amqp.support.converter.MessageConverter;
import org.springframework.context.annotation.Bean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/**
 * The queues the web publishes to, and its own progress queue: non-durable and exclusive,
 * one per web instance, so that every instance hears every progress event and can serve
 * any SSE client.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(MessagingSettings.class)
class MessagingConfiguration {

	/**
	 * Every work queue the web publishes to, so that no message is unroutable whatever
	 * starts first.
	 */
	@Bean
	Declarables webTopology(MessagingSettings settings) {
		DirectExchange work = new DirectExchange(Topology.WORK_EXCHANGE, true, false);
		DirectExchange deadLetter = new DirectExchange(Topology.DEAD_LETTER_EXCHANGE, true, false);
		List<Declarable> declarables = new ArrayList<>(List.of(work, deadLetter));
		for (String name : Topology.WORK_QUEUES) {
			Queue queue = new Queue(name, true, false, false, Topology.workQueueArguments(name, settings.broker()));
			Queue dlq = new Queue(Topology.deadLetterQueue(name), true, false, false);
			declarables.addAll(List.of(queue, dlq, BindingBuilder.bind(queue).to(work).with(name),
					BindingBuilder.bind(dlq).to(deadLetter).with(Topology.deadLetterRoutingKey(name))));
		}
		return new Declarables(declarables);
	}

	/** The depth of every work queue, which the web fills: a backlog shows here first. */
	@Bean
	QueueDepths queueDepths(AmqpAdmin admin, MessagingSettings settings) {
		return new QueueDepths(admin, Topology.WORK_QUEUES, settings.queueDepthInterval());
	}

	@Bean
	FanoutExchange progressExchange() {
		return new FanoutExchange(Topology.PROGRESS_EXCHANGE, true, false);
	}

	@Bean
	Queue progressQueue() {
		return new Queue("parley.progress.web-" + UUID.randomUUID(), false, true, true);
	}

	@Bean
	Binding progressBinding(Queue progressQueue, FanoutExchange progressExchange) {
		return BindingBuilder.bind(progressQueue).to(progressExchange);
	}

	@Bean
	MessageConverter messageConverter() {
		// Progress events share one queue and are told apart by their type header, so the
		// types must be trusted.
		return new JacksonJsonMessageConverter("org.parley.domain.messaging");
	}

	@Bean
	OutboxRelay outboxRelay(Outbox outbox, RabbitTemplate rabbit) {
		return new OutboxRelay(outbox, new ConfirmedPublisher(rabbit));
	}

	/** After each commit that wrote to the outbox, and every second. */
	@Bean
	OutboxSchedule outboxSchedule(OutboxRelay relay) {
		return new OutboxSchedule(relay);
	}

}
