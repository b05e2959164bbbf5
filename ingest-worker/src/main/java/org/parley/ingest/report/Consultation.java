package org.parley.ingest.report;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.parley.domain.discussion.DiscussionStatus;
import org.parley.domain.discussion.Paragraph;
import org.parley.domain.outcome.CommentRecord;
import org.parley.domain.participation.DiscussionStatistics;
import org.parley.domain.participation.VoteCount;

/**
 * Everything a report shows, read once from the database: the consultation, its figures,
 * and per section its text, votes and comment threads. Both writers draw from it alone.
 *
 * @param responses published comments by answer status, unanswered ones under
 * {@code UNANSWERED}
 */
record Consultation(String title, String description, Locale language, ZoneId zone, OffsetDateTime opensAt,
		OffsetDateTime closesAt, OffsetDateTime publishedAt, DiscussionStatus status, long invited, long participants,
		DiscussionStatistics statistics, List<Part> sections, Map<String, Long> responses, OffsetDateTime madeAt) {

	/** The section's name for the figures' lists: "2.1 Scope", or "Section 4". */
	String sectionName(int number) {
		return this.sections.stream()
			.filter(s -> s.number() == number)
			.findFirst()
			.map(Part::name)
			.orElse(Integer.toString(number));
	}

	int commentCount() {
		return this.sections.stream().mapToInt(Part::shownComments).sum();
	}

	/** One section of the outline with what people said about it. */
	record Part(int number, String label, String heading, int level, List<Paragraph> paragraphs, VoteCount votes,
			List<Thread> threads) {

		String name() {
			String head = (this.heading != null) ? this.heading : "";
			return (this.label != null && !this.label.isBlank()) ? (this.label + " " + head).strip()
					: (head.isBlank() ? Integer.toString(this.number) : head);
		}

		/** The anchor and bookmark target of the section. */
		String anchor() {
			return "section-" + this.number;
		}

		int shownComments() {
			return this.threads.stream().mapToInt(Thread::size).sum();
		}

	}

	/**
	 * A comment with its replies. A near-duplicate group is shown once, by the first of
	 * its comments to come, with the group's size as {@code copies}.
	 */
	record Thread(CommentRecord comment, int copies, List<Thread> replies) {

		Thread(CommentRecord comment, int copies) {
			this(comment, copies, new ArrayList<>());
		}

		int size() {
			return 1 + this.replies.stream().mapToInt(Thread::size).sum();
		}

	}

}
