/**
 * Import requests arrive here from RabbitMQ. The listener turns a message into one call
 * of the import job runner; the broker topology and dead-letter path are declared here.
 */
package org.parley.ingest.request;
