/**
 * Discussions and their outline of numbered, commentable sections. A discussion is born a
 * draft from an import's outline, in one transaction, so that no half-made discussion is
 * ever seen.
 */
package org.parley.domain.discussion;
