package org.parley.invite.messaging;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.parley.domain.outbox.MessagePublisher;
import org.parley.domain.outbox.OutboxMessage;
import org.parley.domain.outbox.PublishFailed;

import org.springframework.amqp.AmqpException;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageBuilder;
import org.springframework.amqp.core.MessageDeliveryMode;
import org.springframework.amqp.core.MessageProperties;
import org.springframework.amqp.rabbit.connection.CorrelationData;
import org.springframework.amqp.rabbit.core.RabbitTemplate;

/**
 * Publishes a persistent message and waits for the broker's confirm. A message the broker could
 * not route to any queue comes back (mandatory) and counts as not published.
 */
class ConfirmedPublisher implements MessagePublisher {

	private static final long CONFIRM_TIMEOUT_SECONDS = 10;

	private final RabbitTemplate rabbit;

	ConfirmedPublisher(RabbitTemplate rabbit) {
		this.rabbit = rabbit;
	}

	@Override
	public void publish(OutboxMessage outboxMessage) {
		Message message = MessageBuilder.withBody(outboxMessage.payload().getBytes(StandardCharsets.UTF_8))
			.setContentType(MessageProperties.CONTENT_TYPE_JSON)
			.setContentEncoding("UTF-8")
			.setMessageId(outboxMessage.id().toString())
			.setType(outboxMessage.messageType())
			.setDeliveryMode(MessageDeliveryMode.PERSISTENT)
			.build();
		CorrelationData correlation = new CorrelationData(outboxMessage.id().toString());
		try {
			this.rabbit.send(outboxMessage.exchange(), outboxMessage.routingKey(), message, correlation);
			CorrelationData.Confirm confirm = correlation.getFuture().get(CONFIRM_TIMEOUT_SECONDS, TimeUnit.SECONDS);
			if (correlation.getReturned() != null) {
				throw new PublishFailed("returned unroutable: " + correlation.getReturned().getReplyText());
			}
			if (!confirm.ack()) {
				throw new PublishFailed("nacked: " + confirm.reason());
			}
		}
		catch (AmqpException ex) {
			throw new PublishFailed("broker unreachable", ex);
		}
		catch (TimeoutException ex) {
			throw new PublishFailed("no confirm within " + CONFIRM_TIMEOUT_SECONDS + " s", ex);
		}
		catch (ExecutionException ex) {
			throw new PublishFailed("confirm failed", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new PublishFailed("interrupted while waiting for a confirm", ex);
		}
	}

}
