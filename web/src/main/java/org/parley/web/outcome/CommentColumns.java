package org.parley.web.outcome;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import org.parley.domain.outcome.CommentRecord;

/**
 * The columns of a comments export, the same in CSV and XLSX: a cell is text, a whole
 * number or a moment, so that each format writes it as its own type.
 */
final class CommentColumns {

	static final List<String> HEADER = List.of("section_number", "section_label", "section_heading", "paragraph",
			"quote", "comment_id", "parent_id", "author", "text", "created_at", "votes_up", "votes_down", "replies",
			"moderation_state", "flags", "response_status", "response_text", "responded_at", "group_id", "group_size");

	private CommentColumns() {
	}

	static List<Object> cells(CommentRecord c) {
		List<Object> cells = new ArrayList<>(HEADER.size());
		cells.add(c.sectionNumber());
		cells.add(c.sectionLabel());
		cells.add(c.sectionHeading());
		cells.add(c.paragraphNumber());
		cells.add(c.quote());
		cells.add(c.id().toString());
		cells.add((c.parentId() != null) ? c.parentId().toString() : null);
		cells.add(c.author());
		cells.add(c.text());
		cells.add(c.createdAt());
		cells.add(c.up());
		cells.add(c.down());
		cells.add(c.replies());
		cells.add(c.state());
		cells.add(c.flags());
		cells.add(c.responseStatus());
		cells.add(c.responseText());
		cells.add(c.respondedAt());
		cells.add((c.groupId() != null) ? c.groupId().toString() : null);
		cells.add((c.groupId() != null) ? c.groupSize() : null);
		return cells;
	}

	/** A cell as CSV text: numbers as digits, moments in ISO 8601 with their offset. */
	static String text(Object cell) {
		if (cell == null) {
			return null;
		}
		if (cell instanceof OffsetDateTime at) {
			return at.toInstant().toString();
		}
		return cell.toString();
	}

}
