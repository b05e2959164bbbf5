package org.parley.web.imports;

import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import org.parley.domain.imports.DocumentImport;
import org.parley.domain.imports.ImportProblem;
import org.parley.domain.imports.ImportStage;
import org.parley.domain.imports.ImportState;
import org.parley.domain.imports.SourceKind;
import org.parley.web.progress.ProgressStreams;

/** An import as the API shows it: {@code GET /api/imports/{id}} and every SSE event. */
public record ImportView(UUID id, ImportState state, ImportStage stage, int percent, String message, Error error,
		UUID discussionId, Source source,
		@JsonInclude(JsonInclude.Include.NON_NULL) Integer revision) implements ProgressStreams.Progress {

	/** The state and how far it got: a repeated event id tells a client nothing moved. */
	@JsonIgnore
	@Override
	public String eventId() {
		return this.state + "-" + this.percent;
	}

	public static ImportView of(DocumentImport i) {
		return of(i, null);
	}

	/**
	 * @param revision the revision a re-import saved, or null
	 */
	public static ImportView of(DocumentImport i, Integer revision) {
		ImportProblem p = i.problem();
		Error error = (p != null)
				? new Error("https://parley.example/problems/" + p.code().toLowerCase().replace('_', '-'), p.title(),
						422, p.detail(), p.code())
				: null;
		return new ImportView(i.id(), i.state(), i.stage(), i.percent(), i.message(), error, i.discussionId(),
				new Source(i.sourceKind(), i.sourceName(), i.pages()), revision);
	}

	@JsonIgnore
	public boolean isFinished() {
		return this.state.isFinal();
	}

	/** The problem object of a failed import, as in problem+json. */
	public record Error(String type, String title, int status, String detail, String code) {
	}

	@JsonInclude(JsonInclude.Include.ALWAYS)
	public record Source(SourceKind kind, String name, Integer pages) {
	}

}
