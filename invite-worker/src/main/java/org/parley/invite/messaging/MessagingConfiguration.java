package org.parley.invite.messaging;

import java.util.ArrayList;
import java.util.List;

import io.micrometer.core.instrument.MeterRegistry;
import org.parley.domain.messaging.Topology;
import org.parley.domain.messaging.broker.ConfirmedPublisher;
import org.parley.domain.messaging.broker.DeadLetters;
import org.parley.domain.messaging.broker.MessagingSettings;
import org.parley.domain.messaging.broker.QueueDepths;
import org.parley.domain.outbox.Outbox;
import org.parley.domain.outbox.OutboxRelay;
import org.parley.domain.outbox.OutboxSchedule;

import org.springframework.amqp.core.AmqpAdmin;
import org.springframework.amqp.core.BindingBuilder;
import org.springframework.amqp.core.Declarable;
import org.springframework.amqp.core.Declarables;
import org.springframework.amqp.core.DirectExchange;
import org.springframework.amqp.core.FanoutExchange;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.amqp.rabbit.retry.MessageRecoverer;
import org.springframework.amqp.support.converter.JacksonJsonMessageConverter;
import org.springframework.amqp.support.converter.MessageConverter;
import org.springframework.context.annotation.Bean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/**
 * The invitation queues, each with its dead-letter queue. On RabbitMQ the broker
 * dead-letters a message that crashed its consumer too often (quorum queue delivery
 * limit); on both brokers a message that still fails after the listener's retries is
 * republished to the dead-letter exchange by the application.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(MessagingSettings.class)
class MessagingConfiguration {

	static final List<String> QUEUES = List.of(Topology.INVITATIONS_REQUESTED, Topology.SEND_INVITATION,
			Topology.SIGN_IN_LINK_REQUESTED, Topology.REPLY_POSTED, Topology.REVISION_PUBLISHED);

	@Bean
	Declarables invitationTopology(MessagingSettings settings) {
		DirectExchange work = new DirectExchange(Topology.WORK_EXCHANGE, true, false);
		DirectExchange deadLetter = new DirectExchange(Topology.DEAD_LETTER_EXCHANGE, true, false);
		FanoutExchange progress = new FanoutExchange(Topology.PROGRESS_EXCHANGE, true, false);
		List<Declarable> declarables = new ArrayList<>(List.of(work, deadLetter, progress));
		for (String name : QUEUES) {
			Queue queue = new Queue(name, true, false, false, Topology.workQueueArguments(name, settings.broker()));
			Queue dlq = new Queue(Topology.deadLetterQueue(name), true, false, false);
			declarables.add(queue);
			declarables.add(dlq);
			declarables.add(BindingBuilder.bind(queue).to(work).with(name));
			declarables.add(BindingBuilder.bind(dlq).to(deadLetter).with(Topology.deadLetterRoutingKey(name)));
		}
		return new Declarables(declarables);
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

	@Bean
	QueueDepths queueDepths(AmqpAdmin admin, MessagingSettings settings) {
		return new QueueDepths(admin, QUEUES, settings.queueDepthInterval());
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
