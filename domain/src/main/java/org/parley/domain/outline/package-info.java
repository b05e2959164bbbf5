/**
 * The outline of an imported document: the plain-Java result of structuring, independent
 * of the source format, and the shape in which a new discussion is saved.
 */
package org.parley.domain.outline;
