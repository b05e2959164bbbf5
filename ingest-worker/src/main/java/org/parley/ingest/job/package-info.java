/**
 * The import job: fetch → extract → structure → save, one Spring Batch job instance per
 * import so that a redelivered request never imports twice. Progress goes to the database
 * and, as a nudge, to every web instance over the progress exchange.
 */
package org.parley.ingest.job;
