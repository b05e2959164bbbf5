package org.parley.ingest.report;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.IntConsumer;

import org.parley.domain.discussion.Discussion;
import org.parley.domain.discussion.DiscussionRepository;
import org.parley.domain.discussion.Section;
import org.parley.domain.outcome.CommentRecord;
import org.parley.domain.outcome.CommentRecords;
import org.parley.domain.outcome.OutcomeFigures;
import org.parley.domain.participation.CommentRepository;
import org.parley.domain.participation.DiscussionStatistics;
import org.parley.domain.participation.VoteCount;
import org.parley.domain.participation.VoteRepository;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Reads a consultation for its report: published comments only, since the report is for
 * the public; replies under the comment they answer; each near-duplicate group once.
 */
@Component
class ConsultationReader {

	private final DiscussionRepository discussions;

	private final VoteRepository votes;

	private final CommentRepository comments;

	private final CommentRecords records;

	private final OutcomeFigures figures;

	private final JdbcClient jdbc;

	private final Clock clock;

	ConsultationReader(DiscussionRepository discussions, VoteRepository votes, CommentRepository comments,
			CommentRecords records, OutcomeFigures figures, JdbcClient jdbc, Clock clock) {
		this.discussions = discussions;
		this.votes = votes;
		this.comments = comments;
		this.records = records;
		this.figures = figures;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * @param commentsRead told how many comments it has read so far, every thousand
	 */
	Consultation read(UUID discussionId, IntConsumer commentsRead) {
		Discussion d = this.discussions.findById(discussionId)
			.orElseThrow(() -> new IllegalStateException("Discussion " + discussionId + " is gone"));
		Map<Integer, VoteCount> counts = this.votes.counts(discussionId);
		DiscussionStatistics statistics = DiscussionStatistics.of(counts, this.comments.countsBySection(discussionId));
		Map<Integer, List<Consultation.Thread>> threads = new HashMap<>();
		Map<UUID, Consultation.Thread> byComment = new HashMap<>();
		Map<UUID, Consultation.Thread> shownGroups = new HashMap<>();
		int[] read = { 0 };
		this.records.forEach(discussionId, false, c -> {
			read[0]++;
			if (read[0] % 1000 == 0) {
				commentsRead.accept(read[0]);
			}
			if (c.sectionNumber() == null) {
				return; // on a section that edits removed from the outline
			}
			Consultation.Thread parent = (c.parentId() != null) ? byComment.get(c.parentId()) : null;
			if (c.groupId() != null && parent == null) {
				Consultation.Thread shown = shownGroups.get(c.groupId());
				if (shown != null) {
					byComment.put(c.id(), shown);
					return;
				}
			}
			Consultation.Thread thread = new Consultation.Thread(c, (c.groupId() != null) ? c.groupSize() : 1);
			byComment.put(c.id(), thread);
			if (c.groupId() != null && parent == null) {
				shownGroups.put(c.groupId(), thread);
			}
			if (parent != null) {
				parent.replies().add(thread);
			}
			else {
				threads.computeIfAbsent(c.sectionNumber(), n -> new ArrayList<>()).add(thread);
			}
		});
		List<Consultation.Part> parts = new ArrayList<>();
		for (Section s : this.discussions.findSections(discussionId)) {
			parts.add(new Consultation.Part(s.number(), s.label(), s.heading(), s.level(), s.paragraphs(),
					counts.getOrDefault(s.number(), new VoteCount(s.number(), 0, 0)),
					threads.getOrDefault(s.number(), List.of())));
		}
		Map<String, Long> responses = new LinkedHashMap<>(this.figures.responsesByStatus(discussionId));
		return new Consultation(d.title(), d.description(), language(discussionId), d.timeZone(), d.opensAt(),
				d.closesAt(), d.publishedAt(), d.status(this.clock), this.figures.invited(discussionId),
				this.figures.participants(discussionId), statistics, parts, responses,
				OffsetDateTime.now(this.clock).withOffsetSameInstant(ZoneOffset.UTC));
	}

	/** The discussion's own language (V19), English where none was chosen. */
	private Locale language(UUID discussionId) {
		String tag = this.jdbc.sql("select language from discussion where id = :d")
			.param("d", discussionId)
			.query(String.class)
			.optional()
			.orElse(null);
		return (tag == null || tag.isBlank()) ? Locale.ENGLISH : Locale.forLanguageTag(tag);
	}

}
