/**
 * Reports of a whole consultation (issue 17): asked for in the web, made by the
 * ingest-worker's report job, stored once in the database and downloaded from the web.
 * The row says where the making stands, as an import's does, so that pages show progress
 * and a restarted worker knows what is left to do.
 */
package org.parley.domain.report;
