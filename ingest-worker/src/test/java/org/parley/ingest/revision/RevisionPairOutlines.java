package org.parley.ingest.revision;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.parley.domain.outline.Block;
import org.parley.domain.outline.Outline;
import org.parley.domain.outline.OutlineSection;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Writes both outlines of every pair side by side into {@code target/revisions/}, as the
 * material to hand-check the truth against; runs only with
 * {@code -Dparley.revisions.outlines=true}.
 */
class RevisionPairOutlines {

	@Test
	void writesTheOutlinesOfEveryPair() throws IOException {
		assumeTrue(Boolean.getBoolean("parley.revisions.outlines"));
		Path out = Path.of("target/revisions");
		Files.createDirectories(out);
		for (String id : RevisionPair.ids()) {
			RevisionPair pair = RevisionPair.load(id);
			StringBuilder text = new StringBuilder();
			write(text, "v1", pair.before());
			write(text, "v2", pair.after());
			Files.writeString(out.resolve(id + ".txt"), text, StandardCharsets.UTF_8);
		}
	}

	private static void write(StringBuilder text, String version, Outline outline) {
		text.append("=== ").append(version).append('\n');
		List<OutlineSection> sections = outline.sections();
		for (int s = 0; s < sections.size(); s++) {
			OutlineSection section = sections.get(s);
			text.append("## ")
				.append(s + 1)
				.append(' ')
				.append(section.label())
				.append(" | ")
				.append(section.heading())
				.append('\n');
			for (int p = 0; p < section.blocks().size(); p++) {
				Block b = section.blocks().get(p);
				text.append(version)
					.append(' ')
					.append(s + 1)
					.append('.')
					.append(p + 1)
					.append('\t')
					.append(b.text().replaceAll("\\s+", " "))
					.append('\n');
			}
		}
	}

}
