package org.parley.domain.outline;

/** What a block of text under a heading is. Names are fixed by the HTTP API. */
public enum BlockKind {

	PARAGRAPH, LIST_ITEM, TABLE, QUOTE

}
