package org.parley.web.privacy;

import java.io.IOException;
import java.io.Writer;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Collectors;

import org.parley.domain.participation.PersonalData;
import org.parley.web.system.SpreadsheetText;

/**
 * A participant's data as one CSV table, one row per thing they did, its {@code kind}
 * first: account, comment, section_vote, comment_vote, flag, follow. Every cell is
 * defused as {@code recipients.csv}'s are.
 */
final class PersonalDataCsv {

	static final String HEADER = "kind,id,discussion_id,discussion_title,section_number,section_label,"
			+ "section_heading,parent_id,value,quote,text,state,at,response_status,response_text";

	private PersonalDataCsv() {
	}

	static void write(PersonalData data, Writer out) throws IOException {
		out.write('\uFEFF');
		out.write(HEADER + "\r\n");
		PersonalData.Account a = data.account();
		line(out, "account", a.id(), null, null, null, null, null, null, a.displayName(), null, a.email(), a.language(),
				a.createdAt(), null, null);
		for (PersonalData.WrittenComment c : data.comments()) {
			line(out, "comment", c.id(), c.discussionId(), c.discussionTitle(), c.sectionNumber(), c.sectionLabel(),
					c.sectionHeading(), c.parentId(), null, c.quote(), c.text(), c.state(), c.createdAt(),
					c.responseStatus(), c.responseText());
		}
		for (PersonalData.SectionVote v : data.sectionVotes()) {
			line(out, "section_vote", null, v.discussionId(), v.discussionTitle(), v.sectionNumber(), v.sectionLabel(),
					v.sectionHeading(), null, v.agree() ? "AGREE" : "DISAGREE", null, null, null, v.votedAt(), null,
					null);
		}
		for (PersonalData.CommentVote v : data.commentVotes()) {
			line(out, "comment_vote", v.commentId(), v.discussionId(), null, null, null, null, null,
					v.up() ? "UP" : "DOWN", null, null, null, null, null, null);
		}
		for (PersonalData.Flag f : data.flags()) {
			line(out, "flag", f.commentId(), f.discussionId(), null, null, null, null, null, null, null, null, null,
					f.flaggedAt(), null, null);
		}
		for (UUID d : data.followedDiscussions()) {
			line(out, "follow", null, d, null, null, null, null, null, null, null, null, null, null, null, null);
		}
	}

	private static void line(Writer out, Object... cells) throws IOException {
		out.write(Arrays.stream(cells)
			.map(c -> (c instanceof OffsetDateTime at) ? at.toInstant().toString() : Objects.toString(c, null))
			.map(SpreadsheetText::csvCell)
			.collect(Collectors.joining(",", "", "\r\n")));
	}

}
