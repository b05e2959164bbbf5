package org.parley.web.imports;

import java.util.Optional;
import java.util.UUID;

import org.parley.domain.messaging.ImportProgressed;
import org.parley.domain.imports.DocumentImportRepository;

import org.parley.web.progress.ProgressStreams;

import org.springframework.stereotype.Component;

/** The open SSE streams of this web instance, by import. */
@Component
class ImportStreams extends ProgressStreams<ImportView> {

	private final DocumentImportRepository imports;

	ImportStreams(DocumentImportRepository imports) {
		super("import", ImportProgressed.class);
		this.imports = imports;
	}

	@Override
	protected Optional<ImportView> load(UUID importId) {
		return this.imports.findById(importId)
			.map(i -> ImportView.of(i, this.imports.revisionOf(importId).orElse(null)));
	}

	@Override
	protected String eventId(ImportView view) {
		return view.state() + "-" + view.percent();
	}

}
