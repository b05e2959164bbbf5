package org.parley.domain.messaging.broker;

import java.util.ArrayList;
import java.util.List;

import org.parley.domain.messaging.BrokerKind;
import org.parley.domain.messaging.Topology;

import org.springframework.amqp.core.AmqpAdmin;
import org.springframework.amqp.core.BindingBuilder;
import org.springframework.amqp.core.Declarable;
import org.springframework.amqp.core.Declarables;
import org.springframework.amqp.core.DirectExchange;
import org.springframework.amqp.core.Queue;

/**
 * The work queues a process declares, by name. Each is durable, bound to the work
 * exchange under its own name and has a dead-letter queue bound to the dead-letter
 * exchange under its {@code error.} key, so that every queue has a dead-letter path
 * whichever process starts first.
 */
public record WorkQueues(List<String> names) {

	public WorkQueues {
		names = List.copyOf(names);
	}

	/**
	 * The work and dead-letter exchanges, every queue with its dead-letter queue and
	 * their bindings, with the queue arguments of this broker; and any other declarations
	 * of the process.
	 */
	public Declarables declarables(BrokerKind broker, Declarable... others) {
		DirectExchange work = new DirectExchange(Topology.WORK_EXCHANGE, true, false);
		DirectExchange deadLetter = new DirectExchange(Topology.DEAD_LETTER_EXCHANGE, true, false);
		List<Declarable> declarables = new ArrayList<>(List.of(work, deadLetter));
		declarables.addAll(List.of(others));
		for (String name : this.names) {
			Queue queue = new Queue(name, true, false, false, Topology.workQueueArguments(name, broker));
			Queue dlq = new Queue(Topology.deadLetterQueue(name), true, false, false);
			declarables.addAll(List.of(queue, dlq, BindingBuilder.bind(queue).to(work).with(name),
					BindingBuilder.bind(dlq).to(deadLetter).with(Topology.deadLetterRoutingKey(name))));
		}
		return new Declarables(declarables);
	}

	/** The depth gauges of these queues and their dead-letter queues. */
	public QueueDepths depths(AmqpAdmin admin, MessagingSettings settings) {
		return new QueueDepths(admin, this.names, settings.queueDepthInterval());
	}

}
