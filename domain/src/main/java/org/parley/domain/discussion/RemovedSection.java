package org.parley.domain.discussion;

import java.util.UUID;

/**
 * A section that an outline edit took out of the outline, by merging it into the section
 * before it or turning its heading into a paragraph. Its text lives on in other sections;
 * its row stays so that the votes given to it are kept, and shown apart, not counted for
 * the section that absorbed it.
 */
public record RemovedSection(UUID id, String label, String heading, int level) {

}
