package org.parley.domain.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.parley.domain.work.JobRowClaims;
import org.parley.domain.work.JobRows;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reports and their one file each. */
@Repository
public class ReportRepository implements JobRows {

	private final JdbcClient jdbc;

	private final JobRowClaims claims;

	public ReportRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
		this.claims = new JobRowClaims(jdbc, "report", "state", List.of("QUEUED", "RUNNING"));
	}

	public void add(Report r) {
		this.jdbc.sql("""
				insert into report (id, discussion_id, organiser_id, format, state, stage, percent, message,
				    problem_code, created_at, updated_at)
				values (:id, :d, :o, :format, :state, :stage, :percent, :message, :problem, :created, :updated)""")
			.param("id", r.id())
			.param("d", r.discussionId())
			.param("o", r.organiserId())
			.param("format", r.format().name())
			.param("state", r.state().name())
			.param("stage", (r.stage() != null) ? r.stage().name() : null)
			.param("percent", r.percent())
			.param("message", r.message())
			.param("problem", r.problemCode())
			.param("created", r.createdAt())
			.param("updated", r.updatedAt())
			.update();
	}

	/**
	 * Saves the next state unless the stored one is final already: a job that a restarted
	 * worker has finished meanwhile is never set back.
	 * @return whether the row changed
	 */
	public boolean update(Report r) {
		return this.jdbc.sql("""
				update report set state = :state, stage = :stage, percent = :percent, message = :message,
				    problem_code = :problem, updated_at = :updated
				where id = :id and state not in ('SUCCEEDED', 'FAILED')""")
			.param("id", r.id())
			.param("state", r.state().name())
			.param("stage", (r.stage() != null) ? r.stage().name() : null)
			.param("percent", r.percent())
			.param("message", r.message())
			.param("problem", r.problemCode())
			.param("updated", r.updatedAt())
			.update() == 1;
	}

	@Override
	public Optional<Report> findById(UUID id) {
		return this.jdbc.sql("select * from report where id = :id")
			.param("id", id)
			.query(ReportRepository::map)
			.optional();
	}

	@Override
	public List<UUID> findUnfinishedQuietSince(OffsetDateTime before, int limit) {
		return this.claims.findQuietSince(before, limit);
	}

	@Override
	public boolean claimQuiet(UUID id, OffsetDateTime quietSince, OffsetDateTime now) {
		return this.claims.claimQuiet(id, quietSince, now);
	}

	/**
	 * Stores the file, in the caller's transaction.
	 * @return false if the report has its file already (a second run of the same job)
	 */
	public boolean storeFile(Report r, Path file, OffsetDateTime now) {
		if (hasFile(r.id())) {
			return false;
		}
		try (InputStream in = Files.newInputStream(file)) {
			this.jdbc.sql("""
					insert into report_file (report_id, file_name, media_type, size_bytes, content, created_at)
					values (:id, :name, :type, :size, :content, :now)""")
				.param("id", r.id())
				.param("name", r.fileName())
				.param("type", r.format().mediaType())
				.param("size", Files.size(file))
				.param("content", in.readAllBytes())
				.param("now", now)
				.update();
			return true;
		}
		catch (DuplicateKeyException ex) {
			return false;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public boolean hasFile(UUID reportId) {
		return this.jdbc.sql("select count(*) from report_file where report_id = :id")
			.param("id", reportId)
			.query(Integer.class)
			.single() > 0;
	}

	/** The file's size in bytes, if it is stored. */
	public Optional<Long> fileSize(UUID reportId) {
		return this.jdbc.sql("select size_bytes from report_file where report_id = :id")
			.param("id", reportId)
			.query(Long.class)
			.optional();
	}

	/**
	 * Copies the stored file to {@code out}.
	 * @return false if there is none
	 */
	public boolean copyFile(UUID reportId, OutputStream out) {
		Boolean found = this.jdbc.sql("select content from report_file where report_id = :id")
			.param("id", reportId)
			.query((ResultSet rs) -> {
				if (!rs.next()) {
					return false;
				}
				try (InputStream in = rs.getBinaryStream(1)) {
					in.transferTo(out);
				}
				catch (IOException ex) {
					throw new UncheckedIOException(ex);
				}
				return true;
			});
		return Boolean.TRUE.equals(found);
	}

	private static Report map(ResultSet rs, int row) throws SQLException {
		String stage = rs.getString("stage");
		return new Report(rs.getObject("id", UUID.class), rs.getObject("discussion_id", UUID.class),
				rs.getObject("organiser_id", UUID.class), ReportFormat.valueOf(rs.getString("format")),
				ReportState.valueOf(rs.getString("state")), (stage != null) ? ReportStage.valueOf(stage) : null,
				rs.getInt("percent"), rs.getString("message"), rs.getString("problem_code"),
				rs.getObject("created_at", OffsetDateTime.class), rs.getObject("updated_at", OffsetDateTime.class));
	}

}
