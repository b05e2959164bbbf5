/**
 * The outline of an imported document: the plain-Java result of structuring, independent
 * of the source format, and the shape in which a new discussion is saved. Sections and
 * blocks of a saved discussion carry their ids, so that an edited outline says which
 * saved section and paragraph each part still is (ADR 0018).
 */
package org.parley.domain.outline;
