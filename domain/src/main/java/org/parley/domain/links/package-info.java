/**
 * Signed links: a link carries an id and an HMAC of it under a secret that every process
 * shares, so the web can check a link that a worker wrote into an email, and the database
 * holds nothing that would let someone who reads it forge one.
 */
package org.parley.domain.links;
