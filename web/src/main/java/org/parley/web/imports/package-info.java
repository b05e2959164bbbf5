/**
 * Starting imports and reading where they stand. An upload is checked, stored with its import in
 * one transaction, and announced to the ingest-worker through the outbox after commit.
 */
package org.parley.web.imports;
