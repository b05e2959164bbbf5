/**
 * The messages that travel between Parley's processes and the names of the exchanges and
 * queues they travel on. Messages carry ids, never document text (claim check), and a
 * message id that lets every consumer be idempotent.
 */
package org.parley.domain.messaging;
