/**
 * Pairs the sections and paragraphs of a new version of a document with those of the
 * version participants have been commenting on, so that comments and votes can follow
 * their text into the new version (ADR 0019). Plain Java, no Spring, so that every rule
 * is tested on constructed outlines and on real version pairs.
 */
package org.parley.ingest.revision;
