package org.parley.ingest.archive;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * The entries of a ZIP archive, each inflated into memory once and counted as it
 * inflates. Past {@link #MAX_ENTRY_BYTES} in one entry, {@link #MAX_TOTAL_BYTES} in all
 * or {@link #MAX_ENTRIES} entries, reading stops at once with {@link ArchiveTooLarge}.
 * The caps are absolute sizes, not compression ratios: a 434-page draft that repeats its
 * boilerplate compresses better than 100:1 (the ratio at which POI calls a file a zip
 * bomb) and is still only a few megabytes of XML.
 */
public final class InflatedArchive {

	/** A 400-page draft's document.xml or content.xml is about 4 to 20 MB. */
	public static final long MAX_ENTRY_BYTES = 64L * 1024 * 1024;

	public static final long MAX_TOTAL_BYTES = 256L * 1024 * 1024;

	public static final int MAX_ENTRIES = 10_000;

	private final Map<String, byte[]> entries;

	private InflatedArchive(Map<String, byte[]> entries) {
		this.entries = Collections.unmodifiableMap(entries);
	}

	/**
	 * Inflates every entry of the archive.
	 * @throws ArchiveTooLarge past a budget
	 * @throws IOException when the bytes are not a readable ZIP archive (truncated,
	 * damaged, not a ZIP at all, or without a single entry)
	 */
	public static InflatedArchive of(byte[] zip) throws IOException {
		Map<String, byte[]> entries = new LinkedHashMap<>();
		long total = 0;
		byte[] buffer = new byte[64 * 1024];
		try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
			for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
				if (entries.size() >= MAX_ENTRIES) {
					throw new ArchiveTooLarge(entries.size() + " entries");
				}
				ByteArrayOutputStream content = new ByteArrayOutputStream();
				long size = 0;
				for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
					size += n;
					total += n;
					if (size > MAX_ENTRY_BYTES || total > MAX_TOTAL_BYTES) {
						throw new ArchiveTooLarge(entry.getName());
					}
					content.write(buffer, 0, n);
				}
				if (!entry.isDirectory()) {
					entries.putIfAbsent(entry.getName(), content.toByteArray());
				}
			}
		}
		catch (IllegalArgumentException ex) {
			// Entry names that are not valid in the archive's declared encoding.
			throw new IOException("Unreadable ZIP entry name", ex);
		}
		if (entries.isEmpty()) {
			throw new IOException("No ZIP entries");
		}
		return new InflatedArchive(entries);
	}

	public Set<String> names() {
		return this.entries.keySet();
	}

	/** The entry's inflated bytes, or null when the archive has no such entry. */
	public byte[] entry(String name) {
		return this.entries.get(name);
	}

	public Map<String, byte[]> entries() {
		return this.entries;
	}

}
