/**
 * The transactional outbox: a message is written in the same transaction as the change it
 * announces, and a relay publishes it after commit, marking it published only when the
 * broker confirmed it. A broker that is down delays messages; it never loses them.
 */
package org.parley.domain.outbox;
