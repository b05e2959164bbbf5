/**
 * Live progress over SSE. Every web instance hears every progress event on its own queue
 * and pushes the import's current state, read from the database, to the streams it holds;
 * a slow sweep re-reads them too, so a lost event or a reconnect to another instance
 * costs nothing.
 */
package org.parley.web.progress;
