package org.parley.invite.messaging;

import org.parley.domain.messaging.BrokerKind;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** @param broker which broker this process talks to; it decides the queue arguments */
@ConfigurationProperties("parley.messaging")
record MessagingSettings(@DefaultValue("RABBITMQ") BrokerKind broker) {

}
