package org.parley.domain.messaging;

/**
 * The AMQP 0-9-1 broker a process talks to. They differ in what queue arguments they
 * accept (see {@link Topology#workQueueArguments}).
 */
public enum BrokerKind {

	/** RabbitMQ, in production and in CI. */
	RABBITMQ,

	/** The embedded Qpid Broker-J of standalone mode and local tests. */
	QPID

}
