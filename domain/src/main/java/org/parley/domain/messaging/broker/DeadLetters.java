package org.parley.domain.messaging.broker;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.parley.domain.messaging.Topology;

import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.amqp.rabbit.retry.MessageRecoverer;
import org.springframework.amqp.rabbit.retry.RepublishMessageRecoverer;

/** Where a message goes when a worker's listener has run out of retries. */
public final class DeadLetters {

	private DeadLetters() {
	}

	/**
	 * Republishes the message to the dead-letter exchange and counts it by the queue it
	 * came from ({@code parley.dead-letters}).
	 */
	public static MessageRecoverer recoverer(RabbitTemplate rabbit, MeterRegistry registry) {
		// Without a routing key of its own it republishes under "error." + the original
		// key, which
		// the dead-letter queue's binding expects (a third constructor argument would be
		// the whole key).
		RepublishMessageRecoverer republish = new RepublishMessageRecoverer(rabbit, Topology.DEAD_LETTER_EXCHANGE)
			.errorRoutingKeyPrefix("error.");
		return (message, cause) -> {
			republish.recover(message, cause);
			String queue = message.getMessageProperties().getConsumerQueue();
			Counter.builder("parley.dead-letters")
				.description("Messages this process dead-lettered after its listener's retries")
				.tag("queue", (queue != null) ? queue : "unknown")
				.register(registry)
				.increment();
		};
	}

}
