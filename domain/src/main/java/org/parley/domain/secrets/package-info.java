/**
 * The deployment secrets every process checks at start: a missing, short or shipped
 * placeholder secret stops the process, and an ERROR line says which setting and how to
 * make one, instead of running with a secret that anyone who read the repository knows.
 */
package org.parley.domain.secrets;
