package org.parley.domain.discussion;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.parley.domain.outline.Block;
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
		insertSections(id, outline);
		return id;
	}

	/**
	 * Replaces a draft's whole outline, renumbering its sections, in the caller's
	 * transaction. Only drafts are edited this way: once published, section numbers stay
	 * as they are.
	 */
	public void replaceOutline(UUID discussionId, Outline outline) {
		this.jdbc.sql("delete from paragraph where section_id in (select id from section where discussion_id = :d)")
			.param("d", discussionId)
			.update();
		this.jdbc.sql("delete from section where discussion_id = :d").param("d", discussionId).update();
		insertSections(discussionId, outline);
	}

	/**
	 * Saves the discussion's settings: title, description, privacy, dates and lifecycle.
	 */
	public void update(Discussion d) {
		this.jdbc.sql("""
				update discussion set title = :title, description = :description, privacy = :privacy,
				    opens_at = :opensAt, closes_at = :closesAt, time_zone = :zone, published_at = :publishedAt,
				    status_override = :override
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
			.update();
	}

	public boolean hasSection(UUID discussionId, int number) {
		return this.jdbc.sql("select count(*) from section where discussion_id = :d and number = :n")
			.param("d", discussionId)
			.param("n", number)
			.query(Integer.class)
			.single() > 0;
	}

	public boolean hasParagraph(UUID discussionId, int section, int paragraph) {
		return this.jdbc.sql("""
				select count(*) from paragraph p join section s on s.id = p.section_id
				where s.discussion_id = :d and s.number = :n and p.number = :p""")
			.param("d", discussionId)
			.param("n", section)
			.param("p", paragraph)
			.query(Integer.class)
			.single() > 0;
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
		List<MapSqlParameterSource> sections = new ArrayList<>();
		List<MapSqlParameterSource> paragraphs = new ArrayList<>();
		Deque<int[]> open = new ArrayDeque<>(); // {number, level} of enclosing sections
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
			UUID sectionId = UUID.randomUUID();
			sections.add(new MapSqlParameterSource().addValue("id", sectionId)
				.addValue("discussion", id)
				.addValue("number", number)
				.addValue("position", number)
				.addValue("label", s.label())
				.addValue("heading", s.heading())
				.addValue("level", s.level())
				.addValue("parent", parent));
			int p = 0;
			for (Block b : s.blocks()) {
				paragraphs.add(new MapSqlParameterSource().addValue("id", UUID.randomUUID())
					.addValue("section", sectionId)
					.addValue("number", ++p)
					.addValue("kind", b.kind().name())
					.addValue("text", b.text()));
			}
		}
		this.batch.batchUpdate("""
				insert into section (id, discussion_id, number, position, label, heading, level, parent_number)
				values (:id, :discussion, :number, :position, :label, :heading, :level, :parent)""",
				sections.toArray(MapSqlParameterSource[]::new));
		this.batch.batchUpdate("""
				insert into paragraph (id, section_id, number, kind, text)
				values (:id, :section, :number, :kind, :text)""", paragraphs.toArray(MapSqlParameterSource[]::new));
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
		this.jdbc.sql("select * from section where discussion_id = :d order by position")
			.param("d", discussionId)
			.query((ResultSet rs) -> {
				rows.put(rs.getObject("id", UUID.class),
						new SectionRow(rs.getInt("number"), rs.getString("label"), rs.getString("heading"),
								rs.getInt("level"), (Integer) rs.getObject("parent_number"), new ArrayList<>()));
			});
		this.jdbc.sql("""
				select p.section_id, p.number, p.kind, p.text from paragraph p join section s on s.id = p.section_id
				where s.discussion_id = :d order by s.position, p.number""")
			.param("d", discussionId)
			.query((ResultSet rs) -> {
				rows.get(rs.getObject("section_id", UUID.class))
					.paragraphs()
					.add(new Paragraph(rs.getInt("number"),
							org.parley.domain.outline.BlockKind.valueOf(rs.getString("kind")), rs.getString("text")));
			});
		return rows.values().stream().map(SectionRow::toSection).toList();
	}

	private static Discussion map(ResultSet rs, int row) throws SQLException {
		String zone = rs.getString("time_zone");
		String override = rs.getString("status_override");
		return new Discussion(rs.getObject("id", UUID.class), rs.getObject("import_id", UUID.class),
				rs.getString("title"), rs.getString("description"), Privacy.valueOf(rs.getString("privacy")),
				rs.getObject("opens_at", OffsetDateTime.class), rs.getObject("closes_at", OffsetDateTime.class),
				(zone != null) ? ZoneId.of(zone) : null, rs.getObject("published_at", OffsetDateTime.class),
				(override != null) ? DiscussionStatus.valueOf(override) : null,
				rs.getObject("created_at", OffsetDateTime.class));
	}

	private record SectionRow(int number, String label, String heading, int level, Integer parent,
			List<Paragraph> paragraphs) {

		Section toSection() {
			return new Section(this.number, this.label, this.heading, this.level, this.parent, this.paragraphs);
		}

	}

}
