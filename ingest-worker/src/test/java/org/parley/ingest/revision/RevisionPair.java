package org.parley.ingest.revision;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.parley.domain.outline.Block;
import org.parley.domain.outline.Outline;
import org.parley.domain.outline.OutlineSection;
import org.parley.ingest.docx.DocxReader;
import org.parley.ingest.markdown.MarkdownReader;
import org.parley.ingest.structure.MarkupStructurer;

/**
 * Two versions of a real document under {@code src/test/resources/revisions/<id>/},
 * imported by Parley's own readers, with the hand-checked pairing in {@code truth.tsv}:
 * one line per link,
 * {@code <v2 section>.<v2 paragraph> <tab> <v1 section>.<v1 paragraph>}. Version 1 gets
 * ids as a saved discussion has, derived from its places.
 */
record RevisionPair(String id, Outline before, Outline after, Set<Link> truth) {

	static final Path ROOT = Path.of("src/test/resources/revisions");

	record Link(String before, String after) {
	}

	static List<String> ids() {
		try (var dirs = Files.list(ROOT)) {
			return dirs.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted().toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static RevisionPair load(String id) {
		Path dir = ROOT.resolve(id);
		Outline before = withIds(read(dir, "v1"));
		Outline after = read(dir, "v2");
		Set<Link> truth = new HashSet<>();
		Path truthFile = dir.resolve("truth.tsv");
		if (Files.exists(truthFile)) {
			for (String line : lines(truthFile)) {
				if (line.isBlank() || line.startsWith("#")) {
					continue;
				}
				String[] cells = line.split("\t");
				if (!cells[1].equals("-")) {
					for (String from : cells[1].split(",")) {
						truth.add(new Link(from.strip(), cells[0].strip()));
					}
				}
			}
		}
		return new RevisionPair(id, before, after, truth);
	}

	/** The links a matching makes, by place. */
	Set<Link> links(Matching matching) {
		Set<Link> links = new HashSet<>();
		for (ParagraphMatch m : matching.paragraphs()) {
			if (m.from() != null && m.to() != null) {
				links.add(new Link(placeOf(m.from()), m.to().section() + "." + m.to().paragraph()));
			}
		}
		return links;
	}

	String placeOf(UUID paragraph) {
		for (int s = 0; s < this.before.sections().size(); s++) {
			List<Block> blocks = this.before.sections().get(s).blocks();
			for (int p = 0; p < blocks.size(); p++) {
				if (paragraph.equals(blocks.get(p).id())) {
					return (s + 1) + "." + (p + 1);
				}
			}
		}
		throw new IllegalArgumentException("no paragraph " + paragraph);
	}

	private static Outline read(Path dir, String version) {
		Path md = dir.resolve(version + ".md");
		MarkupStructurer structurer = new MarkupStructurer();
		try {
			if (Files.exists(md)) {
				return structurer.structure(new MarkdownReader().read(Files.readString(md, StandardCharsets.UTF_8)));
			}
			try (InputStream docx = Files.newInputStream(dir.resolve(version + ".docx"))) {
				return structurer.structure(new DocxReader().read(docx));
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static Outline withIds(Outline outline) {
		List<OutlineSection> sections = new ArrayList<>();
		for (int s = 0; s < outline.sections().size(); s++) {
			OutlineSection section = outline.sections().get(s);
			List<Block> blocks = new ArrayList<>();
			for (int p = 0; p < section.blocks().size(); p++) {
				Block b = section.blocks().get(p);
				blocks.add(new Block(UUID.nameUUIDFromBytes(("p" + (s + 1) + "." + (p + 1)).getBytes()), b.kind(),
						b.text()));
			}
			sections.add(new OutlineSection(UUID.nameUUIDFromBytes(("s" + (s + 1)).getBytes()), section.label(),
					section.heading(), section.level(), blocks));
		}
		return new Outline(outline.title(), outline.subtitle(), sections);
	}

	private static List<String> lines(Path file) {
		try {
			return Files.readAllLines(file, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
