/**
 * The live discussion (ADR 0026): one SSE stream per viewer of {@code GET
 * /api/discussions/{id}/events}. Changes are appended to the discussion's event log in
 * the transaction that makes them; each web instance holds one reader per discussion that
 * is watched there, which reads the log once for all its viewers, renders each event once
 * and writes the same bytes to every stream without blocking, so that a slow viewer holds
 * up no one. A viewer that reconnects, to any instance, names the last event it saw and
 * is given the rest from the log.
 */
package org.parley.web.live;
