package org.parley.invite.delivery;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.parley.domain.messaging.SendInvitation;
import org.parley.domain.messaging.Topology;

import org.springframework.amqp.core.Message;
import org.springframework.amqp.rabbit.annotation.RabbitListener;
import org.springframework.amqp.rabbit.retry.MessageRecoverer;
import org.springframework.amqp.support.converter.MessageConversionException;
import org.springframework.amqp.support.converter.MessageConverter;
import org.springframework.stereotype.Component;

/**
 * Turns the {@link SendInvitation} messages a consumer took together into one run of
 * sends ({@link DeliveryListenerConfiguration}). A message that is not a
 * {@code SendInvitation} goes to the dead-letter queue on its own; the others of its
 * batch are sent.
 */
@Component
class SendInvitationListener {

	private final InvitationSender sender;

	private final MessageConverter converter;

	private final MessageRecoverer deadLetters;

	SendInvitationListener(InvitationSender sender, MessageConverter converter, MessageRecoverer deadLetters) {
		this.sender = sender;
		this.converter = converter;
		this.deadLetters = deadLetters;
	}

	@RabbitListener(queues = Topology.SEND_INVITATION,
			containerFactory = DeliveryListenerConfiguration.SEND_INVITATION_CONTAINER_FACTORY)
	void onSendInvitations(List<Message> messages) {
		List<UUID> deliveryIds = new ArrayList<>(messages.size());
		for (Message message : messages) {
			// What a single-message listener's parameter type tells the converter.
			message.getMessageProperties().setInferredArgumentType(SendInvitation.class);
			try {
				if (this.converter.fromMessage(message) instanceof SendInvitation command) {
					deliveryIds.add(command.deliveryId());
				}
				else {
					this.deadLetters.recover(message, new MessageConversionException("Not a SendInvitation message"));
				}
			}
			catch (MessageConversionException ex) {
				this.deadLetters.recover(message, ex);
			}
		}
		this.sender.sendAll(deliveryIds);
	}

}
