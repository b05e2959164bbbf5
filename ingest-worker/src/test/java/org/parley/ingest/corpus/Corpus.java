package org.parley.ingest.corpus;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The documents the structure report measures: every directory of
 * {@code src/test/resources/corpus} holding a {@code doc.*} and its
 * {@code expected-outline.json}, every layout of the shared samples, and the
 * reference-only documents that {@code fetch-reference-only.sh} put under
 * {@code target/corpus-reference} (never gated: their licences keep them out of the
 * repository, so CI cannot have them).
 */
final class Corpus {

	static final Path COMMITTED = Path.of("src/test/resources/corpus");

	static final Path REFERENCE_ONLY = Path.of("target/corpus-reference");

	private static final Path SAMPLES = Path.of("src/test/resources/samples");

	private static final String EXPECTED = "expected-outline.json";

	private Corpus() {
	}

	static List<CorpusDocument> documents() {
		List<CorpusDocument> documents = new ArrayList<>(samples());
		documents.addAll(directories(COMMITTED, true));
		documents.addAll(directories(REFERENCE_ONLY, false));
		return documents;
	}

	static List<CorpusDocument> gated() {
		return documents().stream().filter(CorpusDocument::gated).toList();
	}

	private static List<CorpusDocument> samples() {
		List<CorpusDocument> samples = new ArrayList<>();
		for (Path sample : list(SAMPLES)) {
			Path expected = sample.resolve(EXPECTED);
			if (Files.isRegularFile(expected)) {
				for (Path file : list(sample)) {
					String name = file.getFileName().toString();
					if (name.startsWith("doc") || name.startsWith("gdocs-export")) {
						samples.add(new CorpusDocument("samples/" + sample.getFileName() + "/" + name, file, expected,
								true));
					}
				}
			}
		}
		return samples;
	}

	private static List<CorpusDocument> directories(Path root, boolean gated) {
		List<CorpusDocument> documents = new ArrayList<>();
		for (Path directory : list(root)) {
			Path expected = directory.resolve(EXPECTED);
			if (Files.isRegularFile(expected)) {
				List<Path> files = list(directory).stream()
					.filter(file -> file.getFileName().toString().startsWith("doc."))
					.toList();
				if (files.size() != 1) {
					throw new IllegalStateException(directory + " must hold exactly one doc.* file, has " + files);
				}
				documents.add(new CorpusDocument(directory.getFileName().toString(), files.get(0), expected, gated));
			}
		}
		return documents;
	}

	private static List<Path> list(Path directory) {
		if (!Files.isDirectory(directory)) {
			return List.of();
		}
		try (Stream<Path> entries = Files.list(directory)) {
			return entries.sorted(Comparator.comparing(Path::toString)).toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
