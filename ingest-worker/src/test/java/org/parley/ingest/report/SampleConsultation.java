package org.parley.ingest.report;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import org.parley.domain.discussion.DiscussionStatus;
import org.parley.domain.discussion.Paragraph;
import org.parley.domain.outcome.CommentRecord;
import org.parley.domain.outline.BlockKind;
import org.parley.domain.participation.DiscussionStatistics;
import org.parley.domain.participation.VoteCount;

/** A consultation made in memory, for the writers' tests and benchmarks. */
final class SampleConsultation {

	private static final String[] WORDS = ("the council proposes to extend the cycle network along the river and to "
			+ "reduce parking in the old town while keeping deliveries possible before ten in the morning residents "
			+ "asked for safer crossings near schools and for more trees on the main square")
		.split(" ");

	private SampleConsultation() {
	}

	static Consultation of(int sections, int comments, Locale language) {
		Random random = new Random(42);
		OffsetDateTime opened = OffsetDateTime.parse("2026-09-01T09:00:00+02:00");
		Map<Integer, VoteCount> votes = new LinkedHashMap<>();
		Map<Integer, Integer> commentCounts = new LinkedHashMap<>();
		List<List<Consultation.Thread>> threads = new ArrayList<>();
		for (int s = 1; s <= sections; s++) {
			votes.put(s, new VoteCount(s, random.nextInt(40), random.nextInt(25)));
			threads.add(new ArrayList<>());
		}
		UUID group = UUID.randomUUID();
		String[] statuses = { "ACCEPTED", "PARTLY_ACCEPTED", "NOT_ACCEPTED", "OUT_OF_SCOPE", "NOTED", null, null };
		Map<String, Long> responses = new LinkedHashMap<>();
		for (int i = 0; i < comments; i++) {
			int section = 1 + random.nextInt(sections);
			String status = statuses[random.nextInt(statuses.length)];
			boolean grouped = i == 3;
			CommentRecord c = new CommentRecord(UUID.randomUUID(), null, section, section + ".", "Heading " + section,
					(random.nextBoolean()) ? 1 + random.nextInt(3) : null, (i % 5 == 0) ? sentence(random, 8) : null,
					(i % 7 == 0) ? "A former participant" : "Participant " + Integer.toHexString(1000 + i),
					sentence(random, 20 + random.nextInt(60)), opened.plusHours(i), random.nextInt(9),
					random.nextInt(4), 0, "PUBLISHED", 0, status,
					(status != null) ? "We " + sentence(random, 18) : null,
					(status != null) ? opened.plusDays(20) : null, grouped ? group : null, grouped ? 2300 : 0, grouped);
			responses.merge((status != null) ? status : "UNANSWERED", grouped ? 2300L : 1L, Long::sum);
			Consultation.Thread thread = new Consultation.Thread(c, grouped ? 2300 : 1);
			if (i % 4 == 0) {
				CommentRecord reply = new CommentRecord(UUID.randomUUID(), c.id(), section, section + ".",
						"Heading " + section, null, null, "Participant " + Integer.toHexString(5000 + i),
						sentence(random, 15), opened.plusHours(i + 2), 1, 0, 0, "PUBLISHED", 0, null, null, null, null,
						0, false);
				thread.replies().add(new Consultation.Thread(reply, 1));
			}
			threads.get(section - 1).add(thread);
			commentCounts.merge(section, thread.size(), Integer::sum);
		}
		List<Consultation.Part> parts = new ArrayList<>();
		for (int s = 1; s <= sections; s++) {
			List<Paragraph> paragraphs = List.of(
					new Paragraph(UUID.randomUUID(), 1, BlockKind.PARAGRAPH, sentence(random, 60)),
					new Paragraph(UUID.randomUUID(), 2, BlockKind.PARAGRAPH, sentence(random, 40)),
					new Paragraph(UUID.randomUUID(), 3, BlockKind.LIST_ITEM, "(a) " + sentence(random, 12)));
			parts.add(new Consultation.Part(s, s + ".", "Heading " + s + ": " + sentence(random, 4),
					(s % 4 == 1) ? 1 : 2, paragraphs, votes.get(s), threads.get(s - 1)));
		}
		return new Consultation("Mobility plan for the old town 2027–2035",
				"Draft plan for walking, cycling and deliveries in the historic centre.", language,
				ZoneId.of("Europe/Berlin"), opened, opened.plusWeeks(8), opened.minusDays(1), DiscussionStatus.CLOSED,
				1250, 418, DiscussionStatistics.of(votes, commentCounts), parts, responses,
				OffsetDateTime.parse("2026-11-20T10:15:00Z"));
	}

	/**
	 * The consultation with one more comment, answered, at the head of its first section:
	 * for texts that the random ones never have (a very long one, other scripts).
	 */
	static Consultation withComment(Consultation consultation, String text, String response) {
		Consultation.Part first = consultation.sections().get(0);
		CommentRecord c = new CommentRecord(UUID.randomUUID(), null, first.number(), first.label(), first.heading(),
				null, null, "Participant 2a2a", text, consultation.opensAt().plusDays(1), 2, 1, 0, "PUBLISHED", 0,
				"ACCEPTED", response, consultation.opensAt().plusDays(3), null, 0, false);
		List<Consultation.Thread> threads = new ArrayList<>();
		threads.add(new Consultation.Thread(c, 1));
		threads.addAll(first.threads());
		List<Consultation.Part> parts = new ArrayList<>(consultation.sections());
		parts.set(0, new Consultation.Part(first.number(), first.label(), first.heading(), first.level(),
				first.paragraphs(), first.votes(), threads));
		return new Consultation(consultation.title(), consultation.description(), consultation.language(),
				consultation.zone(), consultation.opensAt(), consultation.closesAt(), consultation.publishedAt(),
				consultation.status(), consultation.invited(), consultation.participants(), consultation.statistics(),
				parts, consultation.responses(), consultation.madeAt());
	}

	private static String sentence(Random random, int words) {
		StringBuilder s = new StringBuilder();
		for (int i = 0; i < words; i++) {
			if (i > 0) {
				s.append(' ');
			}
			s.append(WORDS[random.nextInt(WORDS.length)]);
		}
		s.setCharAt(0, Character.toUpperCase(s.charAt(0)));
		return s.append('.').toString();
	}

}
