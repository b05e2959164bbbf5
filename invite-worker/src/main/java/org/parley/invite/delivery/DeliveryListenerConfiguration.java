package org.parley.invite.delivery;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.amqp.rabbit.config.RetryInterceptorBuilder;
import org.springframework.amqp.rabbit.config.SimpleRabbitListenerContainerFactory;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.amqp.rabbit.retry.MessageBatchRecoverer;
import org.springframework.amqp.rabbit.retry.MessageRecoverer;
import org.springframework.boot.amqp.autoconfigure.RabbitProperties;
import org.springframework.boot.amqp.autoconfigure.SimpleRabbitListenerContainerFactoryConfigurer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The consumers of {@code SendInvitation} take their messages in batches of up to
 * {@link DeliverySettings#batchSize()}: one read of the batch's rows, one commit per
 * invitee, one acknowledgement per batch. A batch that still fails after the listener's
 * retries goes to the dead-letter queue message by message, as a single message does
 * elsewhere; its rows stay queued in the ledger and the sweep sends them.
 */
@Configuration(proxyBeanMethods = false)
class DeliveryListenerConfiguration {

	private static final Logger log = LoggerFactory.getLogger(DeliveryListenerConfiguration.class);

	static final String SEND_INVITATION_CONTAINER_FACTORY = "sendInvitationContainerFactory";

	/**
	 * How long a consumer waits for more messages to fill a batch before it sends what it
	 * has.
	 */
	private static final long FILL_WAIT_MILLIS = 50;

	@Bean(SEND_INVITATION_CONTAINER_FACTORY)
	SimpleRabbitListenerContainerFactory sendInvitationContainerFactory(
			SimpleRabbitListenerContainerFactoryConfigurer configurer, ConnectionFactory connectionFactory,
			RabbitProperties rabbit, MessageRecoverer deadLetters, DeliverySettings settings) {
		SimpleRabbitListenerContainerFactory factory = new SimpleRabbitListenerContainerFactory();
		configurer.configure(factory, connectionFactory);
		factory.setConcurrentConsumers(settings.consumers());
		factory.setBatchListener(true);
		factory.setConsumerBatchEnabled(true);
		factory.setBatchSize(settings.batchSize());
		// The next batch waits in the consumer while this one is sent.
		factory.setPrefetchCount(2 * settings.batchSize());
		factory.setReceiveTimeout(FILL_WAIT_MILLIS);
		RabbitProperties.ListenerRetry retry = rabbit.getListener().getSimple().getRetry();
		MessageBatchRecoverer eachToTheDeadLetterQueue = (messages, cause) -> {
			log.warn(
					"A batch of {} invitation messages failed after {} retries; each goes to the dead-letter queue,"
							+ " and their rows stay queued for the sweep",
					messages.size(), retry.getMaxRetries(), cause);
			messages.forEach((message) -> deadLetters.recover(message, cause));
		};
		factory.setAdviceChain(RetryInterceptorBuilder.stateless()
			.maxRetries((int) retry.getMaxRetries())
			.backOffOptions(retry.getInitialInterval().toMillis(), retry.getMultiplier(),
					retry.getMaxInterval().toMillis())
			.recoverer(eachToTheDeadLetterQueue)
			.build());
		return factory;
	}

}
