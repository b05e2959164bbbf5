package org.parley.domain.participation;

/**
 * A comment as readers see it, with the running number of the section it is shown in: for
 * a live stream, which serves comments of every section at once.
 */
public record SectionedComment(int sectionNumber, CommentThreadEntry entry) {

}
