/**
 * Revised drafts (issue 16, ADR 0022): an organiser re-imports a new version into a
 * discussion, reviews how the ingest-worker matched it to the published one, and
 * publishes it in one transaction; everyone can read every published version and see what
 * changed.
 */
package org.parley.web.revision;
