package org.parley.invite.messaging;

import java.util.List;

import org.parley.domain.messaging.Topology;
import org.parley.domain.messaging.broker.MessagingSettings;
import org.parley.domain.messaging.broker.OutboxRelaying;
import org.parley.domain.messaging.broker.WorkQueues;
import org.parley.domain.messaging.broker.WorkerMessaging;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * The invitation queues, each with its dead-letter queue ({@link WorkerMessaging}). On
 * RabbitMQ the broker dead-letters a message that crashed its consumer too often (quorum
 * queue delivery limit); on both brokers a message that still fails after the listener's
 * retries is republished to the dead-letter exchange by the application. The worker
 * relays its own outbox (the fan-out's invitations).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(MessagingSettings.class)
@Import({ WorkerMessaging.class, OutboxRelaying.class })
class MessagingConfiguration {

	@Bean
	WorkQueues workQueues() {
		return new WorkQueues(List.of(Topology.INVITATIONS_REQUESTED, Topology.SEND_INVITATION,
				Topology.SIGN_IN_LINK_REQUESTED, Topology.REPLY_POSTED, Topology.REVISION_PUBLISHED));
	}

}
