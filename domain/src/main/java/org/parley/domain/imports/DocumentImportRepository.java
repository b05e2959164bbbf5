package org.parley.domain.imports;

import java.io.InputStream;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.parley.domain.work.JobRowClaims;
import org.parley.domain.work.JobRows;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Imports and their uploaded bytes, in the system of record. */
@Repository
public class DocumentImportRepository implements JobRows {

	private final JdbcClient jdbc;

	private final JobRowClaims claims;

	public DocumentImportRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
		this.claims = new JobRowClaims(jdbc, "document_import", "state", List.of("QUEUED", "RUNNING"));
	}

	/**
	 * Stores a new import together with the uploaded file, in the caller's transaction.
	 */
	public void add(DocumentImport documentImport, byte[] content) {
		add(documentImport);
		this.jdbc.sql("insert into import_file (import_id, size_bytes, content) values (:id, :size, :content)")
			.param("id", documentImport.id())
			.param("size", (long) content.length)
			.param("content", content)
			.update();
	}

	public void add(DocumentImport i) {
		this.jdbc.sql("""
				insert into document_import (id, organiser_id, source_kind, source_name, media_type, drive_file_id,
				    requested_title, pages, state, stage, percent, message, created_at, updated_at)
				values (:id, :organiser, :kind, :name, :mediaType, :driveFileId, :title, :pages, :state, :stage,
				    :percent, :message, :createdAt, :updatedAt)""")
			.param("id", i.id())
			.param("organiser", i.organiserId())
			.param("kind", i.sourceKind().name())
			.param("name", i.sourceName())
			.param("mediaType", i.mediaType())
			.param("driveFileId", i.driveFileId())
			.param("title", i.requestedTitle())
			.param("pages", i.pages())
			.param("state", i.state().name())
			.param("stage", (i.stage() != null) ? i.stage().name() : null)
			.param("percent", i.percent())
			.param("message", i.message())
			.param("createdAt", i.createdAt())
			.param("updatedAt", i.updatedAt())
			.update();
	}

	@Override
	public Optional<DocumentImport> findById(UUID id) {
		return this.jdbc.sql("select * from document_import where id = :id")
			.param("id", id)
			.query(DocumentImportRepository::map)
			.optional();
	}

	/**
	 * Saves a state change. A final state is never overwritten, so that a late progress
	 * event from a slow worker cannot undo a success or a failure.
	 * @return whether the row changed
	 */
	public boolean update(DocumentImport i) {
		ImportProblem p = i.problem();
		return this.jdbc
			.sql("""
					update document_import set source_name = :name, media_type = :mediaType, pages = :pages, state = :state, stage = :stage, percent = :percent,
					    message = :message, error_code = :code, error_title = :errorTitle, error_detail = :detail,
					    discussion_id = :discussion, updated_at = :updatedAt
					where id = :id and state not in ('SUCCEEDED', 'FAILED')""")
			.param("id", i.id())
			.param("name", i.sourceName())
			.param("mediaType", i.mediaType())
			.param("pages", i.pages())
			.param("state", i.state().name())
			.param("stage", (i.stage() != null) ? i.stage().name() : null)
			.param("percent", i.percent())
			.param("message", i.message())
			.param("code", (p != null) ? p.code() : null)
			.param("errorTitle", (p != null) ? p.title() : null)
			.param("detail", (p != null) ? p.detail() : null)
			.param("discussion", i.discussionId())
			.param("updatedAt", i.updatedAt())
			.update() == 1;
	}

	/**
	 * The uploaded bytes, streamed to the consumer so that a large file is never held
	 * twice.
	 */
	public <T> Optional<T> readContent(UUID importId, ContentReader<T> reader) {
		return this.jdbc.sql("select content from import_file where import_id = :id")
			.param("id", importId)
			.query((rs, row) -> {
				try (InputStream in = rs.getBinaryStream(1)) {
					return reader.read(in);
				}
				catch (java.io.IOException ex) {
					throw new SQLException("Could not read the uploaded file of import " + importId, ex);
				}
			})
			.optional();
	}

	@Override
	public List<UUID> findUnfinishedQuietSince(OffsetDateTime before, int limit) {
		return this.claims.findQuietSince(before, limit);
	}

	@Override
	public boolean claimQuiet(UUID importId, OffsetDateTime quietSince, OffsetDateTime now) {
		return this.claims.claimQuiet(importId, quietSince, now);
	}

	/** Drops the uploaded bytes once the import has finished with them. */
	public void deleteContent(UUID importId) {
		this.jdbc.sql("delete from import_file where import_id = :id").param("id", importId).update();
	}

	private static DocumentImport map(ResultSet rs, int row) throws SQLException {
		String code = rs.getString("error_code");
		ImportProblem problem = (code != null)
				? new ImportProblem(code, rs.getString("error_title"), rs.getString("error_detail")) : null;
		String stage = rs.getString("stage");
		Integer pages = (Integer) rs.getObject("pages");
		return new DocumentImport(rs.getObject("id", UUID.class), rs.getObject("organiser_id", UUID.class),
				SourceKind.valueOf(rs.getString("source_kind")), rs.getString("source_name"),
				rs.getString("media_type"), rs.getString("drive_file_id"), rs.getString("requested_title"), pages,
				ImportState.valueOf(rs.getString("state")), (stage != null) ? ImportStage.valueOf(stage) : null,
				rs.getInt("percent"), rs.getString("message"), problem, rs.getObject("discussion_id", UUID.class),
				rs.getObject("created_at", OffsetDateTime.class), rs.getObject("updated_at", OffsetDateTime.class));
	}

	/**
	 * Makes the import a re-import: its outline becomes the next revision of this
	 * discussion instead of a new discussion (ADR 0022).
	 */
	public void targetDiscussion(UUID importId, UUID discussionId) {
		this.jdbc.sql("update document_import set target_discussion_id = :d where id = :id")
			.param("d", discussionId)
			.param("id", importId)
			.update();
	}

	/** The discussion a re-import adds a revision to; empty for a first import. */
	public Optional<UUID> targetDiscussionOf(UUID importId) {
		return this.jdbc.sql("select target_discussion_id from document_import where id = :id")
			.param("id", importId)
			.query((rs, row) -> Optional.ofNullable(rs.getObject(1, UUID.class)))
			.optional()
			.flatMap(o -> o);
	}

	/** Records the revision a re-import saved. */
	public void savedRevision(UUID importId, int revision) {
		this.jdbc.sql("update document_import set revision = :r where id = :id")
			.param("r", revision)
			.param("id", importId)
			.update();
	}

	/** The revision a re-import saved; empty for a first import and until it is saved. */
	public Optional<Integer> revisionOf(UUID importId) {
		return this.jdbc.sql("select revision from document_import where id = :id")
			.param("id", importId)
			.query((rs, row) -> Optional.ofNullable((Integer) rs.getObject(1)))
			.optional()
			.flatMap(o -> o);
	}

	/** Reads an uploaded file's bytes from the stream while the row is open. */
	@FunctionalInterface
	public interface ContentReader<T> {

		T read(InputStream content) throws java.io.IOException;

	}

}
