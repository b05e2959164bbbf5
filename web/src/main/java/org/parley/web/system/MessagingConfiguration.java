package org.parley.web.system;

import java.util.UUID;

import org.parley.domain.messaging.Topology;
import org.parley.domain.messaging.broker.MessagingSettings;
import org.parley.domain.messaging.broker.OutboxRelaying;
import org.parley.domain.messaging.broker.QueueDepths;
import org.parley.domain.messaging.broker.WorkQueues;

import org.springframework.amqp.core.AmqpAdmin;
import org.springframework.amqp.core.Binding;
import org.springframework.amqp.core.BindingBuilder;
import org.springframework.amqp.core.Declarables;
import org.springframework.amqp.core.FanoutExchange;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.support.converter.JacksonJsonMessageConverter;
import org.springframework.amqp.support.converter.MessageConverter;
import org.springframework.context.annotation.Bean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * The queues the web publishes to, and its own progress queue: non-durable and exclusive,
 * one per web instance, so that every instance hears every progress event and can serve
 * any SSE client. The web relays its outbox ({@link OutboxRelaying}).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(MessagingSettings.class)
@Import(OutboxRelaying.class)
class MessagingConfiguration {

	/**
	 * Every work queue, which the web fills: declared here so that no message is
	 * unroutable whatever starts first, and measured here, where a backlog shows first.
	 */
	private static final WorkQueues WORK_QUEUES = new WorkQueues(Topology.WORK_QUEUES);

	@Bean
	Declarables webTopology(MessagingSettings settings) {
		return WORK_QUEUES.declarables(settings.broker());
	}

	@Bean
	QueueDepths queueDepths(AmqpAdmin admin, MessagingSettings settings) {
		return WORK_QUEUES.depths(admin, settings);
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

}
