package org.parley.web.progress;

import java.util.Optional;
import java.util.UUID;

import org.parley.domain.imports.DocumentImportRepository;
import org.parley.web.imports.ImportView;

import org.springframework.stereotype.Component;

/** The open SSE streams of this web instance, by import. */
@Component
public class ImportStreams extends ProgressStreams<ImportView> {

	private final DocumentImportRepository imports;

	ImportStreams(DocumentImportRepository imports) {
		super("import");
		this.imports = imports;
	}

	@Override
	protected Optional<ImportView> load(UUID importId) {
		return this.imports.findById(importId).map(ImportView::of);
	}

	@Override
	protected String eventId(ImportView view) {
		return view.state() + "-" + view.percent();
	}

}
