package org.parley.domain.discussion;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.parley.domain.outline.Block;
import org.parley.domain.outline.BlockKind;
import org.parley.domain.outline.Outline;
import org.parley.domain.outline.OutlineSection;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Discussions with their sections and paragraphs. */
@Repository
public class DiscussionRepository {

	private final JdbcClient jdbc;

	private final NamedParameterJdbcTemplate batch;

	public DiscussionRepository(JdbcClient jdbc, NamedParameterJdbcTemplate batch) {
		this.jdbc = jdbc;
		this.batch = batch;
	}

	/**
	 * Creates a draft discussion from an outline, with every section and paragraph, in
	 * the caller's transaction. A second call for the same import fails on the unique
	 * import key.
	 */
	public UUID addDraft(UUID importId, UUID organiserId, String title, Outline outline, OffsetDateTime now) {
		UUID id = UUID.randomUUID();
		this.jdbc.sql("""
				insert into discussion (id, import_id, title, description, privacy, created_at)
				values (:id, :importId, :title, :description, 'PUBLIC', :now)""")
			.param("id", id)
			.param("importId", importId)
			.param("title", title)
			.param("description", outline.subtitle())
			.param("now", now)
			.update();
		this.jdbc.sql("insert into discussion_organiser (discussion_id, organiser_id) values (:d, :o)")
			.param("d", id)
			.param("o", organiserId)
			.update();
		this.jdbc.sql("""
				insert into revision (discussion_id, number, state, import_id, created_at)
				values (:d, 1, 'DRAFT', :i, :now)""").param("d", id).param("i", importId).param("now", now).update();
		insertSections(id, outline);
		return id;
	}

	/**
	 * Replaces a draft's outline with an edited one, in the caller's transaction, keeping
	 * the ids: a section or paragraph of the new outline that carries the id of a saved
	 * one is that one, updated in place and renumbered; one without an id is new. Saved
	 * sections left out of the outline stay as removed sections, with their votes; saved
	 * paragraphs left out are deleted. Comments stay on their paragraph wherever it
	 * moved; comments on what left the outline go to the place {@code successors} names
	 * for it, and replies go where their thread goes.
	 * @param successors for ids that left the outline, where their text is now
	 */
	public void replaceOutline(UUID discussionId, Outline outline, Map<UUID, DraftOutline.Place> successors) {
		replaceOutline(discussionId, outline, successors, false);
	}

	/**
	 * As {@link #replaceOutline(UUID, Outline, Map)}, but when
	 * {@code keepRemovedParagraphs}, the saved paragraphs left out keep their row with no
	 * number, and their comments stay on them as comments on removed text: a new revision
	 * removes words, an outline edit never does.
	 */
	void replaceOutline(UUID discussionId, Outline outline, Map<UUID, DraftOutline.Place> successors,
			boolean keepRemovedParagraphs) {
		Set<UUID> savedSections = new HashSet<>(this.jdbc.sql("select id from section where discussion_id = :d")
			.param("d", discussionId)
			.query(UUID.class)
			.list());
		Set<UUID> savedParagraphs = new HashSet<>(this.jdbc.sql("""
				select p.id from paragraph p join section s on s.id = p.section_id
				where s.discussion_id = :d and p.number is not null""")
			.param("d", discussionId)
			.query(UUID.class)
			.list());
		// Free the numbers first: renumbering row by row, the unique indexes would
		// otherwise see two rows on one number.
		this.jdbc.sql("update section set number = null where discussion_id = :d").param("d", discussionId).update();
		this.jdbc.sql("""
				update paragraph set number = -number
				where section_id in (select id from section where discussion_id = :d)""")
			.param("d", discussionId)
			.update();
		Rows rows = Rows.of(discussionId, outline);
		List<MapSqlParameterSource> newSections = new ArrayList<>();
		List<MapSqlParameterSource> keptSections = new ArrayList<>();
		rows.sections()
			.forEach(s -> (savedSections.contains((UUID) s.getValue("id")) ? keptSections : newSections).add(s));
		List<MapSqlParameterSource> newParagraphs = new ArrayList<>();
		List<MapSqlParameterSource> keptParagraphs = new ArrayList<>();
		rows.paragraphs()
			.forEach(p -> (savedParagraphs.contains((UUID) p.getValue("id")) ? keptParagraphs : newParagraphs).add(p));
		insert(newSections, List.of());
		this.batch.batchUpdate("""
				update section set number = :number, position = :position, label = :label, heading = :heading,
				    level = :level, parent_number = :parent, confidence = :confidence
				where id = :id and discussion_id = :discussion""", keptSections.toArray(MapSqlParameterSource[]::new));
		this.batch.batchUpdate("""
				update paragraph set section_id = :section, number = :number, kind = :kind, text = :text,
				    cells = :cells
				where id = :id""", keptParagraphs.toArray(MapSqlParameterSource[]::new));
		insert(List.of(), newParagraphs);
		Map<UUID, UUID> sectionOfParagraph = rows.sectionOfParagraph();
		successors.forEach((removed, place) -> {
			UUID section = (place.paragraphId() != null) ? sectionOfParagraph.get(place.paragraphId())
					: place.sectionId();
			if (section == null || removed == null) {
				return;
			}
			if (savedParagraphs.contains(removed) && !sectionOfParagraph.containsKey(removed)) {
				moveComments("paragraph_id = :removed", discussionId, removed, section, place.paragraphId());
			}
			if (savedSections.contains(removed) && !rows.sectionIds().contains(removed)) {
				moveComments("section_id = :removed and paragraph_id is null and parent_id is null", discussionId,
						removed, section, place.paragraphId());
			}
		});
		this.jdbc.sql("""
				update comment set section_id = (select p.section_id from paragraph p where p.id = comment.paragraph_id)
				where discussion_id = :d and paragraph_id is not null""").param("d", discussionId).update();
		repliesFollowTheirThread(discussionId);
		List<UUID> gone = savedParagraphs.stream().filter(id -> !sectionOfParagraph.containsKey(id)).toList();
		if (!gone.isEmpty()) {
			this.jdbc
				.sql(keepRemovedParagraphs ? "update paragraph set number = null where id in (:ids)"
						: "delete from paragraph where id in (:ids)")
				.param("ids", gone)
				.update();
		}
	}

	private void moveComments(String which, UUID discussionId, UUID removed, UUID section, UUID paragraph) {
		this.jdbc.sql("update comment set section_id = :s, paragraph_id = :p where discussion_id = :d and " + which)
			.param("s", section)
			.param("p", paragraph)
			.param("d", discussionId)
			.param("removed", removed)
			.update();
	}

	/** A reply is shown in the thread of the comment it answers, wherever that went. */
	private void repliesFollowTheirThread(UUID discussionId) {
		record Row(UUID id, UUID parent, UUID section) {
		}
		Map<UUID, Row> comments = new HashMap<>();
		this.jdbc.sql("select id, parent_id, section_id from comment where discussion_id = :d")
			.param("d", discussionId)
			.query((ResultSet rs) -> {
				UUID id = rs.getObject("id", UUID.class);
				comments.put(id,
						new Row(id, rs.getObject("parent_id", UUID.class), rs.getObject("section_id", UUID.class)));
			});
		List<MapSqlParameterSource> moves = new ArrayList<>();
		for (Row c : comments.values()) {
			Row root = c;
			for (int depth = 0; root.parent() != null && comments.containsKey(root.parent())
					&& depth < comments.size(); depth++) {
				root = comments.get(root.parent());
			}
			if (!root.section().equals(c.section())) {
				moves.add(new MapSqlParameterSource().addValue("id", c.id()).addValue("section", root.section()));
			}
		}
		this.batch.batchUpdate("update comment set section_id = :section where id = :id",
				moves.toArray(MapSqlParameterSource[]::new));
	}

	/**
	 * Deletes a discussion with everything that hangs on it: the schema's foreign keys
	 * cascade to its sections, paragraphs, revisions, organisers and event log. The
	 * import it came from stays, as the record of what was imported.
	 */
	public void delete(UUID discussionId) {
		this.jdbc.sql("delete from discussion where id = :d").param("d", discussionId).update();
	}

	/**
	 * Saves the discussion's settings: title, description, privacy, dates and lifecycle.
	 */
	public void update(Discussion d) {
		this.jdbc.sql("""
				update discussion set title = :title, description = :description, privacy = :privacy,
				    opens_at = :opensAt, closes_at = :closesAt, time_zone = :zone, published_at = :publishedAt,
				    status_override = :override, closed_at = :closedAt
				where id = :id""")
			.param("id", d.id())
			.param("title", d.title())
			.param("description", d.description())
			.param("privacy", d.privacy().name())
			.param("opensAt", d.opensAt())
			.param("closesAt", d.closesAt())
			.param("zone", (d.timeZone() != null) ? d.timeZone().getId() : null)
			.param("publishedAt", d.publishedAt())
			.param("override", (d.statusOverride() != null) ? d.statusOverride().name() : null)
			.param("closedAt", d.closedAt())
			.update();
		if (d.publishedAt() != null) {
			// The revision participants read is published with the discussion; a
			// revision published once stays so when the discussion goes back to draft.
			this.jdbc.sql("""
					update revision set state = 'PUBLISHED', published_at = :now
					where discussion_id = :d and state = 'DRAFT'
					  and number = (select revision from discussion where id = :d)""")
				.param("d", d.id())
				.param("now", d.publishedAt())
				.update();
		}
	}

	/** The id of the section at running number {@code number} of the outline. */
	public Optional<UUID> sectionId(UUID discussionId, int number) {
		return this.jdbc.sql("select id from section where discussion_id = :d and number = :n")
			.param("d", discussionId)
			.param("n", number)
			.query(UUID.class)
			.optional();
	}

	/** The id of paragraph {@code number} of a section. */
	public Optional<UUID> paragraphId(UUID sectionId, int number) {
		return this.jdbc.sql("select id from paragraph where section_id = :s and number = :n")
			.param("s", sectionId)
			.param("n", number)
			.query(UUID.class)
			.optional();
	}

	/** The running number of a paragraph within its section, if it is in this section. */
	public Optional<Integer> paragraphNumber(UUID sectionId, UUID paragraphId) {
		return this.jdbc.sql("select number from paragraph where section_id = :s and id = :p")
			.param("s", sectionId)
			.param("p", paragraphId)
			.query(Integer.class)
			.optional();
	}

	/** Whether comments wait for an organiser's approval before they show. */
	public boolean isPremoderated(UUID discussionId) {
		return this.jdbc.sql("select premoderated from discussion where id = :id")
			.param("id", discussionId)
			.query(Boolean.class)
			.optional()
			.orElse(false);
	}

	public void premoderate(UUID discussionId, boolean premoderated) {
		this.jdbc.sql("update discussion set premoderated = :p where id = :id")
			.param("p", premoderated)
			.param("id", discussionId)
			.update();
	}

	/** Makes the organiser a co-organiser; adding one twice changes nothing. */
	public void addOrganiser(UUID discussionId, UUID organiserId) {
		if (!isOrganisedBy(discussionId, organiserId)) {
			this.jdbc.sql("insert into discussion_organiser (discussion_id, organiser_id) values (:d, :o)")
				.param("d", discussionId)
				.param("o", organiserId)
				.update();
		}
	}

	private void insertSections(UUID id, Outline outline) {
		Rows rows = Rows.of(id, outline);
		insert(rows.sections(), rows.paragraphs());
	}

	private void insert(List<MapSqlParameterSource> sections, List<MapSqlParameterSource> paragraphs) {
		this.batch.batchUpdate("""
				insert into section (id, discussion_id, number, position, label, heading, level, parent_number,
				    confidence)
				values (:id, :discussion, :number, :position, :label, :heading, :level, :parent, :confidence)""",
				sections.toArray(MapSqlParameterSource[]::new));
		this.batch.batchUpdate("""
				insert into paragraph (id, section_id, number, kind, text, cells)
				values (:id, :section, :number, :kind, :text, :cells)""",
				paragraphs.toArray(MapSqlParameterSource[]::new));
	}

	public Optional<Discussion> findById(UUID id) {
		return this.jdbc.sql("select * from discussion where id = :id")
			.param("id", id)
			.query(DiscussionRepository::map)
			.optional();
	}

	public Optional<UUID> findIdByImport(UUID importId) {
		return this.jdbc.sql("select id from discussion where import_id = :id")
			.param("id", importId)
			.query(UUID.class)
			.optional();
	}

	/** Discussions the organiser organises, newest first. */
	public List<Discussion> findOrganisedBy(UUID organiserId) {
		return this.jdbc.sql("""
				select d.* from discussion d join discussion_organiser o on o.discussion_id = d.id
				where o.organiser_id = :o order by d.created_at desc""")
			.param("o", organiserId)
			.query(DiscussionRepository::map)
			.list();
	}

	/** Public discussions that were published, newest first. */
	public List<Discussion> findPublished() {
		return this.jdbc.sql("""
				select * from discussion where privacy = 'PUBLIC' and published_at is not null
				order by created_at desc""").query(DiscussionRepository::map).list();
	}

	public boolean isOrganisedBy(UUID discussionId, UUID organiserId) {
		return this.jdbc.sql("select count(*) from discussion_organiser where discussion_id = :d and organiser_id = :o")
			.param("d", discussionId)
			.param("o", organiserId)
			.query(Integer.class)
			.single() > 0;
	}

	/** The outline in document order. */
	public List<Section> findSections(UUID discussionId) {
		Map<UUID, SectionRow> rows = new LinkedHashMap<>();
		this.jdbc.sql("select * from section where discussion_id = :d and number is not null order by position")
			.param("d", discussionId)
			.query((ResultSet rs) -> {
				UUID id = rs.getObject("id", UUID.class);
				rows.put(id,
						new SectionRow(id, rs.getInt("number"), rs.getString("label"), rs.getString("heading"),
								rs.getInt("level"), (Integer) rs.getObject("parent_number"), confidence(rs),
								new ArrayList<>()));
			});
		this.jdbc
			.sql("""
					select p.id, p.section_id, p.number, p.kind, p.text, p.cells from paragraph p join section s on s.id = p.section_id
					where s.discussion_id = :d and s.number is not null and p.number is not null
					order by s.position, p.number""")
			.param("d", discussionId)
			.query((ResultSet rs) -> {
				rows.get(rs.getObject("section_id", UUID.class))
					.paragraphs()
					.add(new Paragraph(rs.getObject("id", UUID.class), rs.getInt("number"),
							BlockKind.valueOf(rs.getString("kind")), rs.getString("text"),
							StoredCells.read(rs.getString("cells"))));
			});
		return rows.values().stream().map(SectionRow::toSection).toList();
	}

	/**
	 * The sections that outline edits took out of the outline, in the order they stood.
	 */
	public List<RemovedSection> findRemovedSections(UUID discussionId) {
		return this.jdbc.sql("""
				select id, label, heading, level from section where discussion_id = :d and number is null
				order by position, id""")
			.param("d", discussionId)
			.query((rs, row) -> new RemovedSection(rs.getObject("id", UUID.class), rs.getString("label"),
					rs.getString("heading"), rs.getInt("level")))
			.list();
	}

	private static Discussion map(ResultSet rs, int row) throws SQLException {
		String zone = rs.getString("time_zone");
		String override = rs.getString("status_override");
		return new Discussion(rs.getObject("id", UUID.class), rs.getObject("import_id", UUID.class),
				rs.getString("title"), rs.getString("description"), Privacy.valueOf(rs.getString("privacy")),
				rs.getObject("opens_at", OffsetDateTime.class), rs.getObject("closes_at", OffsetDateTime.class),
				(zone != null) ? ZoneId.of(zone) : null, rs.getObject("published_at", OffsetDateTime.class),
				(override != null) ? DiscussionStatus.valueOf(override) : null,
				rs.getObject("created_at", OffsetDateTime.class), rs.getObject("closed_at", OffsetDateTime.class));
	}

	private static Double confidence(ResultSet rs) throws java.sql.SQLException {
		double value = rs.getDouble("confidence");
		return rs.wasNull() ? null : value;
	}

	private record SectionRow(UUID id, int number, String label, String heading, int level, Integer parent,
			Double confidence, List<Paragraph> paragraphs) {

		Section toSection() {
			return new Section(this.id, this.number, this.label, this.heading, this.level, this.parent, this.paragraphs,
					this.confidence);
		}

	}

	/**
	 * An outline as rows: numbered in order, each section with its parent's number, and
	 * an id for every section and paragraph, new where the outline has none.
	 */
	record Rows(List<MapSqlParameterSource> sections, List<MapSqlParameterSource> paragraphs, Set<UUID> sectionIds,
			Map<UUID, UUID> sectionOfParagraph) {

		static Rows of(UUID discussionId, Outline outline) {
			Rows rows = new Rows(new ArrayList<>(), new ArrayList<>(), new HashSet<>(), new HashMap<>());
			Deque<int[]> open = new ArrayDeque<>(); // {number, level} of enclosing
													// sections
			int number = 0;
			for (OutlineSection s : outline.sections()) {
				number++;
				while (!open.isEmpty() && open.peek()[1] >= s.level()) {
					open.pop();
				}
				Integer parent = open.isEmpty() ? null : open.peek()[0];
				if (s.heading() != null || s.label() != null) {
					open.push(new int[] { number, s.level() });
				}
				UUID sectionId = (s.id() != null) ? s.id() : UUID.randomUUID();
				rows.sectionIds().add(sectionId);
				rows.sections()
					.add(new MapSqlParameterSource().addValue("id", sectionId)
						.addValue("discussion", discussionId)
						.addValue("number", number)
						.addValue("position", number)
						.addValue("label", s.label())
						.addValue("heading", s.heading())
						.addValue("level", s.level())
						.addValue("parent", parent)
						.addValue("confidence", s.confidence()));
				int p = 0;
				for (Block b : s.blocks()) {
					UUID paragraphId = (b.id() != null) ? b.id() : UUID.randomUUID();
					rows.sectionOfParagraph().put(paragraphId, sectionId);
					rows.paragraphs()
						.add(new MapSqlParameterSource().addValue("id", paragraphId)
							.addValue("section", sectionId)
							.addValue("number", ++p)
							.addValue("kind", b.kind().name())
							.addValue("text", b.text())
							.addValue("cells", StoredCells.write(b.cells())));
				}
			}
			return rows;
		}

	}

}
