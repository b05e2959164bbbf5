/**
 * The broker side of messaging that every app shares: settings, the publisher-confirm
 * publisher and the queue-depth gauges. The one package of {@code domain} that may use
 * Spring AMQP, Boot's configuration properties and Micrometer (ADR 0001); the rest of
 * {@code domain} never uses it.
 */
package org.parley.domain.messaging.broker;
