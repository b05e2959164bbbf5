package org.parley.domain.discussion;

import java.sql.ResultSet;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.parley.domain.outline.BlockKind;
import org.parley.domain.outline.Outline;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The revisions of discussions' documents (ADR 0022). The live revision's outline is in
 * the section and paragraph tables, where votes and comments refer to it; a draft
 * re-import and every superseded revision are rows of their own, under the same ids for
 * what the matching paired. Participants keep working on the live revision until a draft
 * is published, which is one transaction.
 */
@Repository
public class RevisionRepository {

	private final JdbcClient jdbc;

	private final NamedParameterJdbcTemplate batch;

	private final DiscussionRepository discussions;

	public RevisionRepository(JdbcClient jdbc, NamedParameterJdbcTemplate batch, DiscussionRepository discussions) {
		this.jdbc = jdbc;
		this.batch = batch;
		this.discussions = discussions;
	}

	/** The number of the revision participants read: the published one, or the first. */
	public int live(UUID discussionId) {
		return this.jdbc.sql("select revision from discussion where id = :d")
			.param("d", discussionId)
			.query(Integer.class)
			.optional()
			.orElse(1);
	}

	/** Every revision, oldest first. */
	public List<Revision> findAll(UUID discussionId) {
		return this.jdbc.sql("select * from revision where discussion_id = :d order by number")
			.param("d", discussionId)
			.query((rs, row) -> new Revision(rs.getInt("number"), RevisionState.valueOf(rs.getString("state")),
					rs.getObject("import_id", UUID.class), rs.getObject("created_at", OffsetDateTime.class),
					rs.getObject("published_at", OffsetDateTime.class)))
			.list();
	}

	public Optional<Revision> find(UUID discussionId, int number) {
		return findAll(discussionId).stream().filter(r -> r.number() == number).findFirst();
	}

	/**
	 * Saves a re-imported outline as the draft revision after the live one, in the
	 * caller's transaction. A draft not published yet is replaced, matches and all: the
	 * organiser imported a better version of the same draft.
	 * @return the draft's number and the ids given to its sections and paragraphs
	 */
	public DraftIds addDraft(UUID discussionId, UUID importId, Outline outline, OffsetDateTime now) {
		int number = live(discussionId) + 1;
		for (String table : List.of("revision_match", "revision_paragraph", "revision_section", "revision")) {
			this.jdbc
				.sql("delete from " + table + " where discussion_id = :d and "
						+ (table.equals("revision") ? "number" : "revision") + " >= :n")
				.param("d", discussionId)
				.param("n", number)
				.update();
		}
		this.jdbc.sql("""
				insert into revision (discussion_id, number, state, import_id, created_at)
				values (:d, :n, 'DRAFT', :i, :now)""")
			.param("d", discussionId)
			.param("n", number)
			.param("i", importId)
			.param("now", now)
			.update();
		DiscussionRepository.Rows rows = DiscussionRepository.Rows.of(discussionId, outline);
		List<UUID> sections = new ArrayList<>();
		Map<UUID, List<UUID>> paragraphsOf = new LinkedHashMap<>();
		for (MapSqlParameterSource s : rows.sections()) {
			s.addValue("revision", number);
			sections.add((UUID) s.getValue("id"));
			paragraphsOf.put((UUID) s.getValue("id"), new ArrayList<>());
		}
		for (MapSqlParameterSource p : rows.paragraphs()) {
			p.addValue("revision", number).addValue("discussion", discussionId);
			paragraphsOf.get((UUID) p.getValue("section")).add((UUID) p.getValue("id"));
		}
		this.batch.batchUpdate("""
				insert into revision_section (discussion_id, revision, id, number, label, heading, level, parent_number,
				    confidence)
				values (:discussion, :revision, :id, :number, :label, :heading, :level, :parent, :confidence)""",
				rows.sections().toArray(MapSqlParameterSource[]::new));
		this.batch.batchUpdate("""
				insert into revision_paragraph (discussion_id, revision, id, section_id, number, kind, text)
				values (:discussion, :revision, :id, :section, :number, :kind, :text)""",
				rows.paragraphs().toArray(MapSqlParameterSource[]::new));
		return new DraftIds(number, sections, new ArrayList<>(paragraphsOf.values()));
	}

	/**
	 * The ids a draft's units were saved under, by place: {@code sections.get(s - 1)} is
	 * section s, {@code paragraphs.get(s - 1).get(p - 1)} its paragraph p.
	 */
	public record DraftIds(int revision, List<UUID> sections, List<List<UUID>> paragraphs) {
	}

	/** Stores the matches of a draft, in the caller's transaction. */
	public void addMatches(UUID discussionId, int revision, List<RevisionMatch> matches) {
		this.batch.batchUpdate("""
				insert into revision_match (id, discussion_id, revision, unit, from_id, to_id, kind, confidence,
				    meaning_changed, by_organiser)
				values (:id, :d, :r, :unit, :from, :to, :kind, :confidence, :meaning, :organiser)""",
				matches.stream().map(m -> params(discussionId, revision, m)).toArray(MapSqlParameterSource[]::new));
	}

	private static MapSqlParameterSource params(UUID discussionId, int revision, RevisionMatch m) {
		return new MapSqlParameterSource().addValue("id", m.id())
			.addValue("d", discussionId)
			.addValue("r", revision)
			.addValue("unit", m.unit().name())
			.addValue("from", m.from())
			.addValue("to", m.to())
			.addValue("kind", m.kind().name())
			.addValue("confidence", m.confidence())
			.addValue("meaning", m.meaningChanged())
			.addValue("organiser", m.byOrganiser());
	}

	/** How revision n pairs with n−1, in the new revision's document order. */
	public List<RevisionMatch> matches(UUID discussionId, int revision) {
		return this.jdbc.sql("""
				select * from revision_match where discussion_id = :d and revision = :r
				order by unit desc, case when to_id is null then 1 else 0 end, id""")
			.param("d", discussionId)
			.param("r", revision)
			.query((rs, row) -> new RevisionMatch(rs.getObject("id", UUID.class),
					RevisionMatch.Unit.valueOf(rs.getString("unit")), rs.getObject("from_id", UUID.class),
					rs.getObject("to_id", UUID.class), ChangeKind.valueOf(rs.getString("kind")),
					rs.getDouble("confidence"), rs.getBoolean("meaning_changed"), rs.getBoolean("by_organiser")))
			.list();
	}

	/**
	 * The outline of revision n in document order, with the ids of its units; empty if
	 * the discussion has no such revision.
	 */
	public Optional<List<Section>> outline(UUID discussionId, int revision) {
		if (revision == live(discussionId)) {
			return Optional.of(this.discussions.findSections(discussionId));
		}
		Map<UUID, Section> sections = new LinkedHashMap<>();
		Map<UUID, List<Paragraph>> paragraphs = new LinkedHashMap<>();
		this.jdbc.sql("select * from revision_section where discussion_id = :d and revision = :r order by number")
			.param("d", discussionId)
			.param("r", revision)
			.query((ResultSet rs) -> {
				UUID id = rs.getObject("id", UUID.class);
				double confidence = rs.getDouble("confidence");
				Double c = rs.wasNull() ? null : confidence;
				List<Paragraph> list = new ArrayList<>();
				paragraphs.put(id, list);
				sections.put(id, new Section(id, rs.getInt("number"), rs.getString("label"), rs.getString("heading"),
						rs.getInt("level"), (Integer) rs.getObject("parent_number"), list, c));
			});
		if (sections.isEmpty()) {
			return Optional.empty();
		}
		this.jdbc
			.sql("""
					select * from revision_paragraph where discussion_id = :d and revision = :r order by section_id, number""")
			.param("d", discussionId)
			.param("r", revision)
			.query((ResultSet rs) -> {
				List<Paragraph> list = paragraphs.get(rs.getObject("section_id", UUID.class));
				if (list != null) {
					list.add(new Paragraph(rs.getObject("id", UUID.class), rs.getInt("number"),
							BlockKind.valueOf(rs.getString("kind")), rs.getString("text")));
				}
			});
		paragraphs.values().forEach(l -> l.sort(java.util.Comparator.comparingInt(Paragraph::number)));
		return Optional.of(sections.values()
			.stream()
			.map(s -> new Section(s.id(), s.number(), s.label(), s.heading(), s.level(), s.parentNumber(),
					paragraphs.get(s.id()), s.confidence()))
			.toList());
	}

	/**
	 * The organiser pairs a draft paragraph with an old one, or, with {@code from} null,
	 * leaves it unpaired (new). What either of them was paired with before is unpaired;
	 * whatever is then left with no link is named removed or new.
	 */
	public void pair(UUID discussionId, int revision, UUID to, UUID from) {
		Draft draft = draft(discussionId, revision);
		if (!draft.paragraphs().contains(to) || (from != null && !draft.oldParagraphs().contains(from))) {
			throw new RevisionRefused("UNKNOWN_PARAGRAPH", "This paragraph is not in the versions being compared.");
		}
		this.jdbc.sql("""
				delete from revision_match where discussion_id = :d and revision = :r and unit = 'PARAGRAPH'
				  and (to_id = :to or from_id = :from)""")
			.param("d", discussionId)
			.param("r", revision)
			.param("to", to)
			.param("from", (from != null) ? from : to)
			.update();
		if (from != null) {
			boolean same = this.jdbc
				.sql("""
						select count(*) from revision_paragraph n, paragraph o
						where n.discussion_id = :d and n.revision = :r and n.id = :to and o.id = :from and n.text = o.text""")
				.param("d", discussionId)
				.param("r", revision)
				.param("to", to)
				.param("from", from)
				.query(Integer.class)
				.single() > 0;
			addMatches(discussionId, revision,
					List.of(new RevisionMatch(java.util.UUID.randomUUID(), RevisionMatch.Unit.PARAGRAPH, from, to,
							same ? ChangeKind.UNCHANGED : ChangeKind.EDITED, 1.0, false, true)));
		}
		completeParagraphMatches(discussionId, revision, draft);
	}

	/**
	 * The organiser says whether the edit of a paired draft paragraph changes its meaning
	 * (votes on its section start again) or is minor (they stay).
	 */
	public boolean markMeaning(UUID discussionId, int revision, UUID to, boolean meaningChanged) {
		draft(discussionId, revision);
		return this.jdbc.sql("""
				update revision_match set meaning_changed = :m, by_organiser = true
				where discussion_id = :d and revision = :r and unit = 'PARAGRAPH' and to_id = :to
				  and from_id is not null""")
			.param("m", meaningChanged)
			.param("d", discussionId)
			.param("r", revision)
			.param("to", to)
			.update() > 0;
	}

	private record Draft(Set<UUID> paragraphs, Set<UUID> oldParagraphs) {
	}

	private Draft draft(UUID discussionId, int revision) {
		Revision r = find(discussionId, revision)
			.orElseThrow(() -> new RevisionRefused("REVISION_NOT_FOUND", "This discussion has no such version."));
		if (r.state() != RevisionState.DRAFT || revision != live(discussionId) + 1) {
			throw new RevisionRefused("REVISION_NOT_DRAFT",
					"Version " + revision + " is already published, so its matching can no longer be changed.");
		}
		Set<UUID> paragraphs = new HashSet<>(
				this.jdbc.sql("select id from revision_paragraph where discussion_id = :d and revision = :r")
					.param("d", discussionId)
					.param("r", revision)
					.query(UUID.class)
					.list());
		Set<UUID> old = new HashSet<>(livingParagraphs(discussionId));
		return new Draft(paragraphs, old);
	}

	private List<UUID> livingParagraphs(UUID discussionId) {
		return this.discussions.findSections(discussionId)
			.stream()
			.flatMap(s -> s.paragraphs().stream())
			.map(Paragraph::id)
			.toList();
	}

	/** Every unit with no link is named: an old one removed, a new one new. */
	private void completeParagraphMatches(UUID discussionId, int revision, Draft draft) {
		this.jdbc.sql("""
				delete from revision_match where discussion_id = :d and revision = :r and unit = 'PARAGRAPH'
				  and kind in ('NEW', 'REMOVED')""").param("d", discussionId).param("r", revision).update();
		Set<UUID> linkedTo = new HashSet<>();
		Set<UUID> linkedFrom = new HashSet<>();
		for (RevisionMatch m : matches(discussionId, revision)) {
			if (m.unit() == RevisionMatch.Unit.PARAGRAPH) {
				linkedTo.add(m.to());
				linkedFrom.add(m.from());
			}
		}
		List<RevisionMatch> missing = new ArrayList<>();
		draft.paragraphs()
			.stream()
			.filter(id -> !linkedTo.contains(id))
			.forEach(id -> missing.add(RevisionMatch.found(RevisionMatch.Unit.PARAGRAPH, null, id, ChangeKind.NEW, 1)));
		draft.oldParagraphs()
			.stream()
			.filter(id -> !linkedFrom.contains(id))
			.forEach(id -> missing
				.add(RevisionMatch.found(RevisionMatch.Unit.PARAGRAPH, id, null, ChangeKind.REMOVED, 1)));
		addMatches(discussionId, revision, missing);
	}

	/**
	 * Publishes draft revision n, in the caller's transaction: the live outline is kept
	 * as revision n−1, the draft becomes the live outline under the ids the matching
	 * gives, comments follow their paragraph's id (or stay on removed text), votes stay
	 * unless a change of meaning starts them again, and n−1 is superseded.
	 * @return the final ids of the live sections that changed (edited, moved, split,
	 * merged or new), and of the old sections that lost text
	 */
	public Published publish(UUID discussionId, int revision, OffsetDateTime now) {
		int live = live(discussionId);
		draft(discussionId, revision);
		Discussion discussion = this.discussions.findById(discussionId).orElseThrow();
		List<Section> before = this.discussions.findSections(discussionId);
		List<Section> draftOutline = outline(discussionId, revision).orElseThrow();
		List<RevisionMatch> matches = matches(discussionId, revision);
		this.jdbc.sql("""
				insert into revision_section (discussion_id, revision, id, number, label, heading, level, parent_number,
				    confidence)
				select discussion_id, :live, id, number, label, heading, level, parent_number, confidence
				from section where discussion_id = :d and number is not null""")
			.param("d", discussionId)
			.param("live", live)
			.update();
		this.jdbc.sql("""
				insert into revision_paragraph (discussion_id, revision, id, section_id, number, kind, text)
				select s.discussion_id, :live, p.id, p.section_id, p.number, p.kind, p.text
				from paragraph p join section s on s.id = p.section_id
				where s.discussion_id = :d and s.number is not null and p.number is not null""")
			.param("d", discussionId)
			.param("live", live)
			.update();
		RevisionPublication.Plan plan = RevisionPublication.plan(discussion.title(), draftOutline,
				before.stream().map(Section::id).toList(), livingParagraphs(discussionId), matches);
		this.discussions.replaceOutline(discussionId, plan.outline(), plan.successors(), true);
		for (String table : List.of("section", "paragraph")) {
			this.jdbc.sql("update " + table + " set revision = :n where "
					+ (table.equals("section") ? "discussion_id = :d and number is not null"
							: "number is not null and section_id in (select id from section where discussion_id = :d "
									+ "and number is not null)"))
				.param("n", revision)
				.param("d", discussionId)
				.update();
		}
		if (!plan.votesRestart().isEmpty()) {
			this.jdbc.sql("update section set votes_since = :n where id in (:ids)")
				.param("n", revision)
				.param("ids", plan.votesRestart())
				.update();
		}
		this.batch.batchUpdate("update revision_match set to_id = :final where id = :id", matches.stream()
			.filter(m -> m.to() != null && !m.to().equals(plan.finalIds().get(m.to())))
			.map(m -> new MapSqlParameterSource().addValue("id", m.id()).addValue("final", plan.finalIds().get(m.to())))
			.toArray(MapSqlParameterSource[]::new));
		for (String table : List.of("revision_paragraph", "revision_section")) {
			this.jdbc.sql("delete from " + table + " where discussion_id = :d and revision = :n")
				.param("d", discussionId)
				.param("n", revision)
				.update();
		}
		this.jdbc.sql("update revision set state = 'SUPERSEDED' where discussion_id = :d and number < :n")
			.param("d", discussionId)
			.param("n", revision)
			.update();
		this.jdbc
			.sql("""
					update revision set state = 'PUBLISHED', published_at = :now where discussion_id = :d and number = :n""")
			.param("d", discussionId)
			.param("n", revision)
			.param("now", now)
			.update();
		this.jdbc.sql("update discussion set revision = :n where id = :d")
			.param("d", discussionId)
			.param("n", revision)
			.update();
		Set<UUID> changed = new HashSet<>();
		Map<UUID, UUID> sectionOf = new java.util.HashMap<>();
		plan.outline().sections().forEach(s -> s.blocks().forEach(b -> sectionOf.put(b.id(), s.id())));
		Map<UUID, UUID> oldSectionOf = new java.util.HashMap<>();
		before.forEach(s -> s.paragraphs().forEach(p -> oldSectionOf.put(p.id(), s.id())));
		for (RevisionMatch m : matches) {
			if (m.kind() == ChangeKind.UNCHANGED) {
				continue;
			}
			UUID to = (m.to() != null) ? plan.finalIds().get(m.to()) : null;
			if (m.unit() == RevisionMatch.Unit.SECTION) {
				changed.add((to != null) ? to : m.from());
			}
			else if (to != null) {
				changed.add(sectionOf.get(to));
			}
			else {
				changed.add(oldSectionOf.get(m.from()));
			}
		}
		changed.remove(null);
		return new Published(revision, changed);
	}

	/**
	 * A revision just published.
	 *
	 * @param changedSections the ids of the sections with any change, live or removed
	 */
	public record Published(int revision, Set<UUID> changedSections) {
	}

}
