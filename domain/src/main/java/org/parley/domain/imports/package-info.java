/**
 * Document imports: the request an organiser makes, its live progress and its outcome.
 * The web creates them, the ingest-worker advances them, and any web instance reads them
 * back.
 */
package org.parley.domain.imports;
