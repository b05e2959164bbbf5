package org.parley.ingest.job;

import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import java.util.List;

import org.parley.domain.imports.DocumentFormat;
import org.parley.domain.outline.Outline;
import org.parley.ingest.pdf.ExtractedDocument;
import org.parley.ingest.structure.DocumentPart;

import org.springframework.stereotype.Component;

/**
 * What the steps of one running import hand each other: the fetched file, the extracted
 * text and the outline. It lives in memory for the length of one job execution only; the
 * steps that fill it run again on a restart, so nothing depends on it surviving a crash.
 */
@Component
class ImportWorkspace {

	private final Map<UUID, Entry> entries = new ConcurrentHashMap<>();

	Entry of(UUID importId) {
		return this.entries.computeIfAbsent(importId, id -> new Entry());
	}

	void release(UUID importId) {
		Entry entry = this.entries.remove(importId);
		if (entry != null && entry.file != null) {
			entry.file.toFile().delete();
		}
	}

	static final class Entry {

		volatile Path file;

		volatile DocumentFormat format;

		/** What a PDF extracted to. */
		volatile ExtractedDocument document;

		/**
		 * What a format with marked-up headings (DOCX, Markdown, a Google Docs export)
		 * read to.
		 */
		volatile List<DocumentPart> parts;

		volatile Outline outline;

	}

}
