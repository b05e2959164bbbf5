/**
 * Reply notifications: what each participant wants to hear about (immediately, in a daily
 * digest or not at all, per discussion and by default), the organisers who follow a
 * discussion, and the ledger that makes each comment notify each recipient once, whatever
 * the broker redelivers.
 */
package org.parley.domain.notification;
