/**
 * The production shape on one machine: each app's executable jar started as its own
 * process ({@code java -jar}) with the environment of {@code compose.yaml} and
 * {@code config/*.env.example} (with secrets of its own), on this machine's PostgreSQL
 * and RabbitMQ (a database and a vhost of its own) and Postfix's {@code smtp-sink} as the
 * mail relay. The integration test and the benchmarks here drive it through the HTTP API
 * and count what the sink accepted against the database ledger; the fault scenarios of
 * issue 7 kill and restart its processes (ADR 0013).
 */
package org.parley.standalone.production;
