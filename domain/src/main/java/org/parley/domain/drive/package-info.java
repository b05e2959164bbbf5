/**
 * Organisers' own access to Google Drive: the refresh token an organiser granted when
 * they connected their Google account, stored sealed so that the web can keep it and the
 * ingest-worker can use it for that organiser's imports.
 */
package org.parley.domain.drive;
