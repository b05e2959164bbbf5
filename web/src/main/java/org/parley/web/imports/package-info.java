/**
 * Starting imports and reading where they stand. An upload is checked, stored with its
 * import in one transaction, and announced to the ingest-worker through the outbox after
 * commit. Organisers can connect their own Google account here (OAuth2 client, read-only
 * Drive scope) so that the worker reads Drive as them; only the sealed refresh token is
 * kept.
 */
package org.parley.web.imports;
