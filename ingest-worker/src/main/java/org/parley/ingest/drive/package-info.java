/**
 * Google Drive as a document source, through Google's own Drive client: the file's
 * metadata decides between exporting a Google Doc and downloading a PDF or DOCX; Drive's
 * refusals become problems the organiser can act on, and its busy signals are retried
 * with bounded, jittered backoff. The root and token URLs are settings so that a local
 * fake Drive can stand in for Google's. An organiser who connected their Google account
 * is served with their own refresh token, opened from the database with the key the web
 * sealed it with.
 */
package org.parley.ingest.drive;
