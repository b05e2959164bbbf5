package org.parley.domain.outbox;

/**
 * Publishes one outbox message and returns only once the broker has confirmed it. Each process
 * implements it over its broker client.
 */
@FunctionalInterface
public interface MessagePublisher {

	/** @throws PublishFailed when the broker did not confirm the message */
	void publish(OutboxMessage message);

}
