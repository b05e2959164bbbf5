/**
 * Long work that one row records: an import, a report, an invitation fan-out. The row,
 * not the broker, says what is left to do, so the rules that make its job run once in
 * effect live here, once for every kind: a finished row is left alone, a row another
 * worker still moves on is left to it, and a row nobody moved for longer than stale-after
 * is claimed by exactly one worker (a conditional update of its {@code updated_at}),
 * recovered and run again. The processes supply only what differs: the table, the noun in
 * the log, and how their job is started (Spring Batch, which this package does not know).
 */
package org.parley.domain.work;
