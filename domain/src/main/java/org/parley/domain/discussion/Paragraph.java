package org.parley.domain.discussion;

import org.parley.domain.outline.BlockKind;

/** A paragraph, list item, table or quote of a section, numbered from 1 within it. */
public record Paragraph(int number, BlockKind kind, String text) {

}
