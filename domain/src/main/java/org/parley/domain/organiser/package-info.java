/**
 * Organisers: the people who import drafts, set discussions up and invite stakeholders.
 */
package org.parley.domain.organiser;
