package org.parley.domain.discussion;

import java.util.UUID;

import org.parley.domain.outline.BlockKind;

/**
 * A paragraph, list item, table or quote of a section, numbered from 1 within it.
 *
 * @param id stable through outline edits: comments on the paragraph refer to it
 * @param number its running position within its section, which edits change
 */
public record Paragraph(UUID id, int number, BlockKind kind, String text) {

}
