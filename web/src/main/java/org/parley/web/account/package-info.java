/**
 * Organiser accounts: changing one's password, adding other organisers with a one-time
 * set-up link, and the guard in front of every password check (login throttling per
 * account and per client, lockouts that are logged and counted, and a bound on how many
 * bcrypt checks run at once), so that guessing passwords is slow and cannot take the web
 * down.
 */
package org.parley.web.account;
