package org.parley.domain.messaging.broker;

import java.time.Duration;

import org.parley.domain.messaging.BrokerKind;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How a process talks to the broker ({@code parley.messaging.*}); every app enables it.
 *
 * @param broker which broker this process talks to; it decides the queue arguments
 * @param queueDepthInterval how often the queue depth gauges ask the broker
 */
@ConfigurationProperties("parley.messaging")
public record MessagingSettings(@DefaultValue("RABBITMQ") BrokerKind broker,
		@DefaultValue("5s") Duration queueDepthInterval) {

}
