package org.parley.standalone;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.parley.domain.participation.Comment;
import org.parley.domain.participation.CommentRepository;
import org.parley.domain.participation.CommentState;
import org.parley.domain.participation.Participant;
import org.parley.domain.participation.ParticipantRepository;
import org.parley.domain.participation.VoteRepository;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 16 end to end, through the real web, broker, ingest-worker and database: a
 * published discussion of a real document (an OpenChain 3.0 draft, Markdown) gets 1,000
 * comments and 1,000 votes, then a re-import of a version with edits, moves, a split, a
 * merge and removals; the organiser reviews the matching, marks one edit as a change of
 * meaning, and publishes. Every comment and vote is then where ADR 0022 says, and none is
 * lost.
 */
class RevisionIntegrationTests {

	static final Path VERSION_1 = Path
		.of("../ingest-worker/src/test/resources/revisions/openchain-3.0-draft-2024-02-2024-11/v1.md");

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final JsonMapper json = JsonMapper.builder().build();

	@Test
	void aThousandCommentsAndVotesSurviveARevisionWithEditsMovesSplitMergeAndRemovals() throws Exception {
		String base = RunningParley.baseUrl();
		ConfigurableApplicationContext web = RunningParley.get().web();
		String discussion = importVersion1(base);
		send("PATCH", base + "/api/discussions/" + discussion, "{\"status\":\"OPEN\"}", 200);
		JsonNode v1 = getJson(base + "/api/discussions/" + discussion + "/sections");

		Revised revised = Revised.of(getJson(base + "/api/discussions/" + discussion).get("title").asString(), v1);
		assertThat(revised.edited).hasSize(5);
		assertThat(revised.moved).hasSize(2);
		assertThat(revised.removed).hasSize(2);

		// 1,000 comments and 1,000 votes from 50 participants, on every paragraph and
		// more on the ones that change.
		UUID discussionId = UUID.fromString(discussion);
		ParticipantRepository participants = web.getBean(ParticipantRepository.class);
		CommentRepository comments = web.getBean(CommentRepository.class);
		VoteRepository votes = web.getBean(VoteRepository.class);
		List<Participant> people = new ArrayList<>();
		for (int i = 0; i < 50; i++) {
			people
				.add(participants.findOrCreate("reader" + i + "-" + discussion + "@example.org", OffsetDateTime.now()));
		}
		List<String[]> places = new ArrayList<>(); // {sectionId, paragraphId}
		for (JsonNode s : v1) {
			for (JsonNode p : s.get("paragraphs")) {
				places.add(new String[] { s.get("id").asString(), p.get("id").asString() });
			}
		}
		List<String> changed = revised.changedParagraphs();
		Map<UUID, UUID> commentOn = new LinkedHashMap<>(); // comment → paragraph
		for (int i = 0; i < 1000; i++) {
			String[] place = (i % 4 == 0) ? placeOf(v1, changed.get((i / 4) % changed.size()))
					: places.get(i % places.size());
			Comment c = new Comment(UUID.randomUUID(), discussionId, UUID.fromString(place[0]),
					UUID.fromString(place[1]), null, null, people.get(i % 50).id(), "Comment " + i,
					CommentState.PUBLISHED, 0, OffsetDateTime.now());
			comments.add(c);
			commentOn.put(c.id(), c.paragraphId());
		}
		Map<String, int[]> votesBefore = new HashMap<>();
		int cast = 0;
		for (int person = 0; person < 50 && cast < 1000; person++) {
			for (int k = 0; k < 20 && cast < 1000; k++, cast++) {
				JsonNode s = v1.get((person * 7 + k * 3) % v1.size());
				String sectionId = s.get("id").asString();
				boolean agree = (person + k) % 3 != 0;
				if (votes.ownVote(UUID.fromString(sectionId), people.get(person).id()).isPresent()) {
					continue;
				}
				votes.cast(discussionId, UUID.fromString(sectionId), people.get(person).id(), agree,
						OffsetDateTime.now());
				votesBefore.computeIfAbsent(sectionId, x -> new int[2])[agree ? 0 : 1]++;
			}
		}
		int totalVotes = votesBefore.values().stream().mapToInt(v -> v[0] + v[1]).sum();

		// Re-import version 2: a normal import with live progress, ending in a draft
		// revision.
		HttpResponse<String> accepted = this.http.send(upload(base + "/api/discussions/" + discussion + "/revisions",
				"v2.md", revised.markdown.getBytes(StandardCharsets.UTF_8)), HttpResponse.BodyHandlers.ofString());
		assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
		List<JsonNode> events = follow(base + accepted.headers().firstValue("Location").orElseThrow() + "/events");
		JsonNode last = events.get(events.size() - 1);
		assertThat(last.get("state").asString()).as("%s", last).isEqualTo("SUCCEEDED");
		assertThat(last.get("discussionId").asString()).isEqualTo(discussion);
		assertThat(last.get("revision").asInt()).isEqualTo(2);

		// Participants keep reading and posting on version 1 meanwhile.
		assertThat(textsAndIds(getJson(base + "/api/discussions/" + discussion + "/sections")))
			.isEqualTo(textsAndIds(v1));
		Comment during = new Comment(UUID.randomUUID(), discussionId,
				UUID.fromString(placeOf(v1, revised.edited.get(0))[0]), UUID.fromString(revised.edited.get(0)), null,
				null, people.get(0).id(), "Posted during the review", CommentState.PUBLISHED, 0, OffsetDateTime.now());
		comments.add(during);
		commentOn.put(during.id(), during.paragraphId());
		assertThat(getJson(base + "/api/discussions/" + discussion + "/revisions").toString()).contains("\"DRAFT\"")
			.contains("\"PUBLISHED\"");

		// The matches name every old and every new paragraph.
		JsonNode matches = getJson(base + "/api/discussions/" + discussion + "/revisions/2/matches");
		Map<String, List<JsonNode>> byFrom = new HashMap<>();
		matches.forEach(m -> {
			if (!m.get("from").isNull()) {
				byFrom.computeIfAbsent(m.get("from").asString(), x -> new ArrayList<>()).add(m);
			}
		});
		for (String[] place : places) {
			assertThat(byFrom).as("old paragraph %s is named", place[1]).containsKey(place[1]);
		}
		revised.edited.forEach(id -> assertThat(kinds(byFrom, id)).as("edited %s", id).containsAnyOf("EDITED"));
		revised.moved.forEach(id -> assertThat(kinds(byFrom, id)).as("moved %s", id).contains("MOVED"));
		revised.removed.forEach(id -> assertThat(kinds(byFrom, id)).as("removed %s", id).containsExactly("REMOVED"));
		assertThat(byFrom.get(revised.split)).as("split").hasSizeGreaterThanOrEqualTo(2);
		assertThat(kinds(byFrom, revised.mergedSecond)).as("merged").contains("MERGED");

		// Review: un-pair an edited paragraph and pair it back; mark another as a change
		// of meaning.
		String editedTo = byFrom.get(revised.edited.get(1)).get(0).get("to").asString();
		send("PUT", base + "/api/discussions/" + discussion + "/revisions/2/paragraphs/" + editedTo + "/pair",
				"{\"from\":null}", 204);
		JsonNode unpaired = getJson(base + "/api/discussions/" + discussion + "/revisions/2/matches");
		assertThat(unpaired.toString())
			.contains("{\"from\":\"" + revised.edited.get(1) + "\",\"to\":null,\"kind\":\"REMOVED\"");
		send("PUT", base + "/api/discussions/" + discussion + "/revisions/2/paragraphs/" + editedTo + "/pair",
				"{\"from\":\"" + revised.edited.get(1) + "\"}", 204);
		String meaningTo = byFrom.get(revised.edited.get(2)).get(0).get("to").asString();
		send("PUT", base + "/api/discussions/" + discussion + "/revisions/2/paragraphs/" + meaningTo + "/meaning",
				"{\"meaningChanged\":true}", 204);
		String meaningSection = placeOf(v1, revised.edited.get(2))[0];

		JsonNode published = send("POST", base + "/api/discussions/" + discussion + "/revisions/2/publish", "", 200);
		assertThat(published.get("state").asString()).isEqualTo("PUBLISHED");

		// Every comment is on its paragraph by id, or listed under removed text.
		JsonNode v2 = getJson(base + "/api/discussions/" + discussion + "/sections");
		Set<String> live = new HashSet<>();
		Map<String, String> textOf = new HashMap<>();
		v2.forEach(s -> s.get("paragraphs").forEach(p -> {
			live.add(p.get("id").asString());
			textOf.put(p.get("id").asString(), p.get("text").asString());
		}));
		Set<String> removed = new HashSet<>(revised.removed);
		JdbcClient jdbc = web.getBean(JdbcClient.class);
		String merged = live.contains(revised.mergedFirst) ? revised.mergedFirst : revised.mergedSecond;
		assertThat(live).as("the merged paragraph has one of the two ids").contains(merged);
		assertThat(textOf.get(merged)).isEqualTo(revised.newText.get(revised.mergedFirst));
		int onRemoved = 0;
		for (Map.Entry<UUID, UUID> c : commentOn.entrySet()) {
			UUID now = jdbc.sql("select paragraph_id from comment where id = :c")
				.param("c", c.getKey())
				.query(UUID.class)
				.single();
			String before = c.getValue().toString();
			if (removed.contains(before)) {
				assertThat(now.toString()).isEqualTo(before);
				assertThat(live).doesNotContain(before);
				onRemoved++;
			}
			else if (before.equals(revised.mergedFirst) || before.equals(revised.mergedSecond)) {
				assertThat(now.toString()).as("a comment on a merged paragraph").isEqualTo(merged);
			}
			else {
				assertThat(now.toString()).as("comment %s", c.getKey()).isEqualTo(before);
				assertThat(live).as("comment %s is on a live paragraph", c.getKey()).contains(before);
			}
		}
		assertThat(onRemoved).isGreaterThan(0);
		assertThat(textOf.get(revised.edited.get(0))).isEqualTo(revised.newText.get(revised.edited.get(0)));
		assertThat(textOf.get(revised.split)).as("the split paragraph's id is on one of its pieces")
			.isIn(revised.newText.get(revised.split), revised.splitSecond);
		JsonNode onRemovedText = getJson(base + "/api/discussions/" + discussion + "/removed-text-comments");
		assertThat(onRemovedText.size()).isEqualTo(onRemoved);
		assertThat(jdbc.sql("select count(*) from comment where discussion_id = :d and revision = 1")
			.param("d", discussionId)
			.query(Integer.class)
			.single()).isEqualTo(1001);

		// The shown comments add up: on a live section's thread or under removed text.
		int shown = 0;
		for (JsonNode s : v2) {
			JsonNode thread = getJson(
					base + "/api/discussions/" + discussion + "/sections/" + s.get("number").asInt() + "/comments");
			for (JsonNode c : thread) {
				shown++;
				assertThat(c.get("revision").asInt()).isEqualTo(1);
			}
		}
		int removedSectionComments = jdbc.sql("""
				select count(*) from comment c join section s on s.id = c.section_id
				where c.discussion_id = :d and s.number is null""")
			.param("d", discussionId)
			.query(Integer.class)
			.single();
		assertThat(shown + removedSectionComments).isEqualTo(1001);

		// Votes stay on their section, except where a change of meaning started them
		// again; those stay visible as earlier votes.
		int votesAfter = 0;
		for (JsonNode s : v2) {
			String id = s.get("id").asString();
			int[] was = votesBefore.getOrDefault(id, new int[2]);
			int agree = s.get("votes").get("agree").asInt();
			int disagree = s.get("votes").get("disagree").asInt();
			if (id.equals(meaningSection)) {
				assertThat(agree + disagree).isZero();
				assertThat(s.get("earlierVotes").get("agree").asInt()).isEqualTo(was[0]);
				assertThat(s.get("earlierVotes").get("disagree").asInt()).isEqualTo(was[1]);
				votesAfter += s.get("earlierVotes").get("agree").asInt()
						+ s.get("earlierVotes").get("disagree").asInt();
			}
			else {
				assertThat(new int[] { agree, disagree }).as("votes of %s", s.get("label")).containsExactly(was);
				votesAfter += agree + disagree;
			}
		}
		int onRemovedSections = jdbc.sql("""
				select count(*) from section_vote v join section s on s.id = v.section_id
				where v.discussion_id = :d and s.number is null""")
			.param("d", discussionId)
			.query(Integer.class)
			.single();
		assertThat(votesAfter + onRemovedSections).isEqualTo(totalVotes);

		// Version 1 stays readable, under the same ids.
		JsonNode old = getJson(base + "/api/discussions/" + discussion + "/sections?revision=1");
		assertThat(old.size()).isEqualTo(v1.size());
		for (int i = 0; i < v1.size(); i++) {
			assertThat(old.get(i).get("id")).isEqualTo(v1.get(i).get("id"));
			assertThat(old.get(i).get("paragraphs")).isEqualTo(v1.get(i).get("paragraphs"));
		}
		JsonNode revisions = getJson(base + "/api/discussions/" + discussion + "/revisions");
		assertThat(revisions.get(0).get("state").asString()).isEqualTo("SUPERSEDED");
		assertThat(revisions.get(1).get("state").asString()).isEqualTo("PUBLISHED");
		assertThat(revisions.get(1).get("publishedAt").isNull()).isFalse();

		// Everyone who commented on a section that changed hears about it, with links to
		// what changed in their sections.
		String reader0 = people.get(0).email();
		org.parley.web.system.DevMailbox mailbox = web.getBean(org.parley.web.system.DevMailbox.class);
		var notice = org.awaitility.Awaitility.await()
			.atMost(Duration.ofSeconds(60))
			.until(() -> mailbox.messages()
				.stream()
				.filter(m -> m.to().contains(reader0) && m.subject().startsWith("Version 2 of"))
				.findFirst(), java.util.Optional::isPresent)
			.orElseThrow();
		int editedNumber = 0;
		for (JsonNode s : v2) {
			for (JsonNode p : s.get("paragraphs")) {
				if (p.get("id").asString().equals(revised.edited.get(0))) {
					editedNumber = s.get("number").asInt();
				}
			}
		}
		assertThat(notice.text())
			.contains("/discussions/" + discussion + "/versions?revision=2#version-section-" + editedNumber);
		assertThat(mailbox.messages()
			.stream()
			.filter(m -> m.to().contains(reader0) && m.subject().startsWith("Version 2 of")))
			.as("one notice per revision and person")
			.hasSize(1);

		// A comment written now is on version 2.
		Comment after = new Comment(UUID.randomUUID(), discussionId, UUID.fromString(v2.get(0).get("id").asString()),
				null, null, null, people.get(1).id(), "On version 2", CommentState.PUBLISHED, 0, OffsetDateTime.now());
		comments.add(after);
		assertThat(comments.revisionOf(after.id())).isEqualTo(2);
	}

	private static List<String> textsAndIds(JsonNode sections) {
		List<String> out = new ArrayList<>();
		sections.forEach(s -> {
			out.add(s.get("id").asString() + " " + s.get("heading"));
			s.get("paragraphs").forEach(p -> out.add(p.get("id").asString() + " " + p.get("text").asString()));
		});
		return out;
	}

	private static List<String> kinds(Map<String, List<JsonNode>> byFrom, String id) {
		return byFrom.getOrDefault(id, List.of()).stream().map(m -> m.get("kind").asString()).toList();
	}

	private static String[] placeOf(JsonNode sections, String paragraphId) {
		for (JsonNode s : sections) {
			for (JsonNode p : s.get("paragraphs")) {
				if (p.get("id").asString().equals(paragraphId)) {
					return new String[] { s.get("id").asString(), paragraphId };
				}
			}
		}
		throw new IllegalArgumentException(paragraphId);
	}

	/**
	 * Version 2 written from version 1's outline as Markdown: five paragraphs edited, two
	 * moved to a section far away, one split in two, two neighbours merged, two removed.
	 */
	static final class Revised {

		final List<String> edited = new ArrayList<>();

		final List<String> moved = new ArrayList<>();

		final List<String> removed = new ArrayList<>();

		String split;

		String splitSecond;

		String mergedFirst;

		String mergedSecond;

		final Map<String, String> newText = new HashMap<>();

		String markdown;

		List<String> changedParagraphs() {
			List<String> all = new ArrayList<>(this.edited);
			all.addAll(this.moved);
			all.addAll(this.removed);
			all.add(this.split);
			all.add(this.mergedFirst);
			all.add(this.mergedSecond);
			return all;
		}

		static Revised of(String title, JsonNode sections) {
			Revised r = new Revised();
			Map<String, Integer> seen = new HashMap<>();
			sections
				.forEach(s -> s.get("paragraphs").forEach(p -> seen.merge(p.get("text").asString(), 1, Integer::sum)));
			Set<Integer> usedSections = new HashSet<>();
			List<String[]> candidates = new ArrayList<>(); // {sectionIndex,
															// paragraphIndex, id}
			for (int s = 0; s < sections.size(); s++) {
				JsonNode ps = sections.get(s).get("paragraphs");
				for (int p = 0; p < ps.size(); p++) {
					String text = ps.get(p).get("text").asString();
					if (seen.get(text) == 1 && text.split(" ").length >= 14
							&& "PARAGRAPH".equals(ps.get(p).get("kind").asString())) {
						candidates.add(new String[] { "" + s, "" + p, ps.get(p).get("id").asString() });
					}
				}
			}
			// One change per section, spread over the document.
			List<String[]> picks = new ArrayList<>();
			int step = Math.max(1, candidates.size() / 14);
			for (int i = 0; i < candidates.size() && picks.size() < 12; i += step) {
				String[] c = candidates.get(i);
				if (usedSections.add(Integer.parseInt(c[0]))) {
					picks.add(c);
				}
			}
			assertThat(picks).as("changes spread over sections").hasSizeGreaterThanOrEqualTo(11);
			for (int i = 0; i < 5; i++) {
				r.edited.add(picks.get(i)[2]);
			}
			r.moved.add(picks.get(5)[2]);
			r.moved.add(picks.get(6)[2]);
			r.removed.add(picks.get(7)[2]);
			r.removed.add(picks.get(8)[2]);
			r.split = picks.get(9)[2];
			// The merge needs a neighbour after it in its section.
			String[] merge = null;
			for (String[] c : candidates) {
				int s = Integer.parseInt(c[0]);
				int p = Integer.parseInt(c[1]);
				JsonNode ps = sections.get(s).get("paragraphs");
				if (!usedSections.contains(s) && p + 1 < ps.size()
						&& seen.get(ps.get(p + 1).get("text").asString()) == 1) {
					merge = c;
					break;
				}
			}
			assertThat(merge).as("a paragraph with a neighbour to merge").isNotNull();
			r.mergedFirst = merge[2];
			r.mergedSecond = sections.get(Integer.parseInt(merge[0]))
				.get("paragraphs")
				.get(Integer.parseInt(merge[1]) + 1)
				.get("id")
				.asString();

			List<String> movedTexts = new ArrayList<>();
			StringBuilder md = new StringBuilder("## ").append(escape(title)).append("\n\n");
			for (int s = 0; s < sections.size(); s++) {
				JsonNode section = sections.get(s);
				if (!section.get("heading").isNull()) {
					String label = section.get("label").isNull() ? "" : section.get("label").asString() + " ";
					md.append("#".repeat(section.get("level").asInt() + 1))
						.append(' ')
						.append(label.isEmpty() ? "" : escape(label))
						.append(escape(section.get("heading").asString()))
						.append("\n\n");
				}
				JsonNode ps = section.get("paragraphs");
				for (int p = 0; p < ps.size(); p++) {
					JsonNode para = ps.get(p);
					String id = para.get("id").asString();
					String text = para.get("text").asString();
					if (r.removed.contains(id)) {
						continue;
					}
					if (r.moved.contains(id)) {
						movedTexts.add(text);
						continue;
					}
					if (id.equals(r.mergedSecond)) {
						continue;
					}
					if (r.edited.contains(id)) {
						String[] words = text.split(" ");
						words[words.length / 2] = "substantially";
						text = String.join(" ", words) + " This sentence was added in version 2.";
					}
					else if (id.equals(r.mergedFirst)) {
						text = text + " " + ps.get(p + 1).get("text").asString();
					}
					if (id.equals(r.split)) {
						String[] words = text.split(" ");
						int half = words.length / 2;
						String first = String.join(" ", java.util.Arrays.copyOfRange(words, 0, half));
						String second = String.join(" ", java.util.Arrays.copyOfRange(words, half, words.length));
						r.newText.put(id, first);
						r.splitSecond = second;
						block(md, para.get("kind").asString(), first);
						block(md, para.get("kind").asString(), second);
						continue;
					}
					r.newText.put(id, text);
					block(md, para.get("kind").asString(), text);
				}
			}
			md.append("## Moved here in version 2\n\n");
			movedTexts.forEach(t -> block(md, "PARAGRAPH", t));
			r.markdown = md.toString();
			return r;
		}

		private static void block(StringBuilder md, String kind, String text) {
			md.append("LIST_ITEM".equals(kind) ? "- " : "").append(escape(text)).append("\n\n");
		}

		/** Every ASCII punctuation character escaped: the text comes back as written. */
		static String escape(String text) {
			StringBuilder out = new StringBuilder();
			for (char c : text.toCharArray()) {
				if (c < 128 && !Character.isLetterOrDigit(c) && !Character.isWhitespace(c)) {
					out.append('\\');
				}
				out.append(c);
			}
			return out.toString();
		}

	}

	String importVersion1(String base) throws Exception {
		HttpResponse<String> accepted = this.http.send(
				upload(base + "/api/imports", "openchain-3.0-2024-02.md", Files.readAllBytes(VERSION_1)),
				HttpResponse.BodyHandlers.ofString());
		assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
		List<JsonNode> events = follow(base + accepted.headers().firstValue("Location").orElseThrow() + "/events");
		JsonNode last = events.get(events.size() - 1);
		assertThat(last.get("state").asString()).as("%s", last).isEqualTo("SUCCEEDED");
		return last.get("discussionId").asString();
	}

	JsonNode send(String method, String url, String body, int status) throws Exception {
		HttpResponse<String> response = this.http.send(HttpRequest.newBuilder(URI.create(url))
			.header("Authorization", basic())
			.header("Content-Type", "application/json")
			.method(method, HttpRequest.BodyPublishers.ofString(body))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as("%s %s: %s", method, url, response.body()).isEqualTo(status);
		return response.body().isEmpty() ? null : this.json.readTree(response.body());
	}

	List<JsonNode> follow(String eventsUrl) throws IOException, InterruptedException {
		HttpRequest request = HttpRequest.newBuilder(URI.create(eventsUrl))
			.header("Authorization", basic())
			.header("Accept", "text/event-stream")
			.timeout(Duration.ofSeconds(120))
			.build();
		HttpResponse<InputStream> response = this.http.send(request, HttpResponse.BodyHandlers.ofInputStream());
		assertThat(response.statusCode()).isEqualTo(200);
		List<JsonNode> events = new ArrayList<>();
		try (BufferedReader reader = new BufferedReader(
				new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
			String line;
			while ((line = reader.readLine()) != null) {
				if (line.startsWith("data:")) {
					events.add(this.json.readTree(line.substring(5)));
				}
			}
		}
		assertThat(events).isNotEmpty();
		return events;
	}

	JsonNode getJson(String url) throws IOException, InterruptedException {
		HttpResponse<String> response = this.http.send(
				HttpRequest.newBuilder(URI.create(url)).header("Authorization", basic()).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as("%s: %s", url, response.body()).isEqualTo(200);
		return this.json.readTree(response.body());
	}

	HttpRequest upload(String url, String name, byte[] content) {
		String boundary = "parley-" + UUID.randomUUID();
		byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + name
				+ "\"\r\nContent-Type: text/markdown\r\n\r\n")
			.getBytes(StandardCharsets.UTF_8);
		byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
		byte[] body = new byte[head.length + content.length + tail.length];
		System.arraycopy(head, 0, body, 0, head.length);
		System.arraycopy(content, 0, body, head.length, content.length);
		System.arraycopy(tail, 0, body, head.length + content.length, tail.length);
		return HttpRequest.newBuilder(URI.create(url))
			.header("Authorization", basic())
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(HttpRequest.BodyPublishers.ofByteArray(body))
			.build();
	}

	private static String basic() {
		return "Basic " + Base64.getEncoder()
			.encodeToString((RunningParley.ADMIN + ":" + RunningParley.PASSWORD).getBytes(StandardCharsets.UTF_8));
	}

}
