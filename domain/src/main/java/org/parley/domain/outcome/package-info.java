/**
 * The consultation's outcome as analysts and readers of the report see it: every comment
 * with its section, votes, replies, moderation state, answer and near-duplicate group,
 * read page by page so that a hundred thousand never sit in memory together. The web's
 * exports and the ingest-worker's report both read it from here.
 */
package org.parley.domain.outcome;
