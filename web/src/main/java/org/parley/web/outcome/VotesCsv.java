package org.parley.web.outcome;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.parley.domain.discussion.DiscussionRepository;
import org.parley.domain.discussion.Section;
import org.parley.domain.participation.VoteCount;
import org.parley.domain.participation.VoteRepository;

/**
 * Votes per section of the outline as CSV,
 * {@code number,label,heading,agree,disagree,positive_percent} (API.md): every section,
 * voted on or not; an empty percent where nobody voted.
 */
final class VotesCsv {

	static final List<String> HEADER = List.of("number", "label", "heading", "agree", "disagree", "positive_percent");

	private VotesCsv() {
	}

	static void write(DiscussionRepository discussions, VoteRepository votes, UUID discussionId, OutputStream out)
			throws IOException {
		Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
		writer.write('\uFEFF');
		writer.write(CommentsCsv.line(HEADER));
		for (Row row : rows(discussions, votes, discussionId)) {
			writer.write(CommentsCsv.line(List.of(Integer.toString(row.number()), nullToEmpty(row.label()),
					nullToEmpty(row.heading()), Integer.toString(row.agree()), Integer.toString(row.disagree()),
					(row.positivePercent() != null) ? row.positivePercent().toString() : "")));
		}
		writer.flush();
	}

	static List<Row> rows(DiscussionRepository discussions, VoteRepository votes, UUID discussionId) {
		Map<Integer, VoteCount> counts = votes.counts(discussionId);
		return discussions.findSections(discussionId).stream().map((Section s) -> {
			VoteCount count = counts.getOrDefault(s.number(), new VoteCount(s.number(), 0, 0));
			return new Row(s.number(), s.label(), s.heading(), count.agree(), count.disagree(),
					count.positivePercent());
		}).toList();
	}

	private static String nullToEmpty(String value) {
		return (value != null) ? value : "";
	}

	record Row(int number, String label, String heading, int agree, int disagree, Integer positivePercent) {
	}

}
