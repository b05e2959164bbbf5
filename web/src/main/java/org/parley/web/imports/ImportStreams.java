package org.parley.web.imports;

import org.parley.domain.imports.DocumentImportRepository;
import org.parley.domain.messaging.ImportProgressed;
import org.parley.web.progress.ProgressStreams;

import org.springframework.stereotype.Component;

/** The open SSE streams of this web instance, by import. */
@Component
class ImportStreams extends ProgressStreams<ImportView> {

	ImportStreams(DocumentImportRepository imports) {
		super("import", ImportProgressed.class,
				id -> imports.findById(id).map(i -> ImportView.of(i, imports.revisionOf(id).orElse(null))));
	}

}
