/**
 * The invite-worker. Its features (fan-out, delivery, reply notifications) arrive with the
 * invitation work; today it proves the process shape: configuration, database and health.
 */
package org.parley.invite;
