/**
 * What every feature of the web relies on: security, the first organiser account,
 * problem+json errors, and the broker connection with its transactional outbox.
 */
package org.parley.web.system;
