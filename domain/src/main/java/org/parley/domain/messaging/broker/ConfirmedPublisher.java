package org.parley.domain.messaging.broker;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.parley.domain.outbox.Confirmations;
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
 * Publishes persistent messages and waits for the broker's confirms. A page of messages
 * is sent without waiting and the confirms are awaited together afterwards: the fan-out
 * of a large batch then costs one confirm round trip per page, not one per invitee. A
 * message the broker could not route to any queue comes back (mandatory) and counts as
 * not published.
 */
public class ConfirmedPublisher implements MessagePublisher {

	private static final long CONFIRM_TIMEOUT_NANOS = TimeUnit.SECONDS.toNanos(10);

	private final RabbitTemplate rabbit;

	public ConfirmedPublisher(RabbitTemplate rabbit) {
		this.rabbit = rabbit;
	}

	@Override
	public void publish(OutboxMessage message) {
		PublishFailed failure = publishAll(List.of(message)).failed().get(message.id());
		if (failure != null) {
			throw failure;
		}
	}

	/**
	 * Publishes the page on one channel held for the whole page, and awaits the confirms
	 * before giving it back: a channel borrowed per message, and given back with confirms
	 * outstanding, made the connection factory open and close channels by the hundred
	 * during a campaign.
	 */
	@Override
	public Confirmations publishAll(List<OutboxMessage> messages) {
		Map<UUID, PublishFailed> failed = new LinkedHashMap<>();
		List<UUID> confirmed = new ArrayList<>(messages.size());
		try {
			this.rabbit.invoke((operations) -> {
				Map<UUID, CorrelationData> inFlight = new LinkedHashMap<>();
				for (OutboxMessage message : messages) {
					CorrelationData correlation = new CorrelationData(message.id().toString());
					try {
						operations.send(message.exchange(), message.routingKey(), amqpMessage(message), correlation);
					}
					catch (AmqpException ex) {
						// The rest would fail the same way; they stay due.
						failed.put(message.id(), new PublishFailed("broker unreachable", ex));
						break;
					}
					inFlight.put(message.id(), correlation);
				}
				long deadline = System.nanoTime() + CONFIRM_TIMEOUT_NANOS;
				for (Map.Entry<UUID, CorrelationData> sent : inFlight.entrySet()) {
					PublishFailed failure = awaitConfirm(sent.getValue(), deadline);
					if (failure == null) {
						confirmed.add(sent.getKey());
					}
					else {
						failed.put(sent.getKey(), failure);
					}
				}
				return null;
			});
		}
		catch (AmqpException ex) {
			// No channel at all: nothing was sent.
			if (!messages.isEmpty() && confirmed.isEmpty() && failed.isEmpty()) {
				failed.put(messages.get(0).id(), new PublishFailed("broker unreachable", ex));
			}
		}
		return new Confirmations(confirmed, failed);
	}

	private static PublishFailed awaitConfirm(CorrelationData correlation, long deadline) {
		try {
			CorrelationData.Confirm confirm = correlation.getFuture()
				.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
			if (correlation.getReturned() != null) {
				return new PublishFailed("returned unroutable: " + correlation.getReturned().getReplyText());
			}
			if (!confirm.ack()) {
				return new PublishFailed("nacked: " + confirm.reason());
			}
			return null;
		}
		catch (TimeoutException ex) {
			return new PublishFailed(
					"no confirm within " + TimeUnit.NANOSECONDS.toSeconds(CONFIRM_TIMEOUT_NANOS) + " s", ex);
		}
		catch (ExecutionException ex) {
			return new PublishFailed("confirm failed", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return new PublishFailed("interrupted while waiting for a confirm", ex);
		}
	}

	private static Message amqpMessage(OutboxMessage outboxMessage) {
		return MessageBuilder.withBody(outboxMessage.payload().getBytes(StandardCharsets.UTF_8))
			.setContentType(MessageProperties.CONTENT_TYPE_JSON)
			.setContentEncoding("UTF-8")
			.setMessageId(outboxMessage.id().toString())
			.setType(outboxMessage.messageType())
			.setDeliveryMode(MessageDeliveryMode.PERSISTENT)
			.build();
	}

}
