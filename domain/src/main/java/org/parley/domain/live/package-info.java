/**
 * The live discussion's event log (ADR 0026): each change a viewer of a discussion should
 * see at once is appended in the transaction that makes it, numbered per discussion in
 * commit order, so that any web instance can stream it and a reconnecting viewer can be
 * given what it missed. Rows carry ids only, never what people wrote.
 */
package org.parley.domain.live;
