/**
 * The consultation's outcome for its organisers: comments and votes exported for analysts
 * (CSV, and XLSX streamed with POI's SXSSF), and reports of the whole consultation, asked
 * for here and made by the ingest-worker's report job, with their progress over SSE and
 * their download.
 */
package org.parley.web.outcome;
