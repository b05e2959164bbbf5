/**
 * What participants do in a discussion: sign in by magic link, vote agree or disagree on
 * a section, comment, reply and vote on comments. Votes are secret: only counts leave
 * this package, and a participant's own choice, to that participant. Votes and comments
 * refer to sections and paragraphs by id, never by running number (ADR 0018).
 */
package org.parley.domain.participation;
