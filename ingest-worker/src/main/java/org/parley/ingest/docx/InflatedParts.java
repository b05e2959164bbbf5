package org.parley.ingest.docx;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;

import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.poi.openxml4j.util.ZipEntrySource;
import org.parley.ingest.archive.InflatedArchive;

/**
 * A Word package's parts, already inflated within Parley's budgets, handed to POI as its
 * ZIP source. POI's own ZIP reading would inflate them a second time and apply its
 * compression-ratio heuristic, which refuses large repetitive drafts that the absolute
 * budgets accept.
 */
final class InflatedParts implements ZipEntrySource {

	private final InflatedArchive archive;

	private final List<ZipArchiveEntry> entries = new ArrayList<>();

	private boolean closed;

	InflatedParts(InflatedArchive archive) {
		this.archive = archive;
		for (Map.Entry<String, byte[]> part : archive.entries().entrySet()) {
			ZipArchiveEntry entry = new ZipArchiveEntry(part.getKey());
			entry.setSize(part.getValue().length);
			this.entries.add(entry);
		}
	}

	@Override
	public Enumeration<? extends ZipArchiveEntry> getEntries() {
		return Collections.enumeration(this.entries);
	}

	@Override
	public ZipArchiveEntry getEntry(String path) {
		for (ZipArchiveEntry entry : this.entries) {
			if (entry.getName().equalsIgnoreCase(path)) {
				return entry;
			}
		}
		return null;
	}

	@Override
	public InputStream getInputStream(ZipArchiveEntry entry) {
		byte[] content = this.archive.entry(entry.getName());
		return new ByteArrayInputStream((content != null) ? content : new byte[0]);
	}

	@Override
	public void close() {
		this.closed = true;
	}

	@Override
	public boolean isClosed() {
		return this.closed;
	}

}
