/**
 * Parley's shared kernel: the aggregates, repositories, migrations and message records
 * that the web and the two workers agree on. It depends on no web, AMQP, Batch or mail
 * type, so that any process can use it and a test proves it.
 */
package org.parley.domain;
