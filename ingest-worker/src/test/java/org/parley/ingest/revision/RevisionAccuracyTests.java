package org.parley.ingest.revision;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.parley.domain.outline.Block;
import org.parley.domain.outline.OutlineSection;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The matching against hand-checked truth on pairs of consecutive versions of real
 * documents (src/test/resources/revisions/*&#47;SOURCE.md): the links between a version 2
 * paragraph and the version 1 paragraph it comes from.
 */
class RevisionAccuracyTests {

	private final RevisionMatcher matcher = new RevisionMatcher();

	@Test
	void pairsParagraphsOfRealVersionPairsWithAnF1OfAtLeast097() {
		List<String> ids = RevisionPair.ids();
		assertThat(ids).hasSizeGreaterThanOrEqualTo(10);
		int found = 0;
		int predicted = 0;
		int truth = 0;
		StringBuilder report = new StringBuilder();
		for (String id : ids) {
			RevisionPair pair = RevisionPair.load(id);
			assertThat(pair.truth()).as(id + " has its truth").isNotEmpty();
			Matching matching = this.matcher.match(pair.before(), pair.after());
			Set<RevisionPair.Link> links = pair.links(matching);
			Set<RevisionPair.Link> right = new HashSet<>(links);
			right.retainAll(pair.truth());
			found += right.size();
			predicted += links.size();
			truth += pair.truth().size();
			report.append(String.format(Locale.ROOT, "%-40s P %.3f R %.3f F1 %.3f (%d links)%n", id,
					ratio(right.size(), links.size()), ratio(right.size(), pair.truth().size()),
					f1(right.size(), links.size(), pair.truth().size()), pair.truth().size()));
			missed(pair, matching, links, report);
		}
		double f1 = f1(found, predicted, truth);
		report.append(String.format(Locale.ROOT, "overall F1 %.3f%n", f1));
		System.out.print(report);
		assertThat(f1).as(report.toString()).isGreaterThanOrEqualTo(0.97);
	}

	@Test
	void losesNoParagraphOfVersionOne() {
		for (String id : RevisionPair.ids()) {
			RevisionPair pair = RevisionPair.load(id);
			Matching matching = this.matcher.match(pair.before(), pair.after());
			for (OutlineSection section : pair.before().sections()) {
				for (Block block : section.blocks()) {
					assertThat(matching.of(block.id())).as(id + " " + pair.placeOf(block.id()))
						.isNotEmpty()
						.allSatisfy(m -> assertThat(m.to() != null || m.kind() == MatchKind.REMOVED).isTrue());
				}
			}
		}
	}

	private static void missed(RevisionPair pair, Matching matching, Set<RevisionPair.Link> links,
			StringBuilder report) {
		if (!Boolean.getBoolean("parley.revisions.explain")) {
			return;
		}
		for (RevisionPair.Link link : links) {
			if (!pair.truth().contains(link)) {
				ParagraphMatch m = matching.paragraphs()
					.stream()
					.filter(p -> p.from() != null && p.to() != null && pair.placeOf(p.from()).equals(link.before())
							&& (p.to().section() + "." + p.to().paragraph()).equals(link.after()))
					.findFirst()
					.orElseThrow();
				report.append("   wrong ")
					.append(link)
					.append(' ')
					.append(m.kind())
					.append(' ')
					.append(m.confidence())
					.append('\n');
			}
		}
		for (RevisionPair.Link link : pair.truth()) {
			if (!links.contains(link)) {
				report.append("   missed ").append(link).append('\n');
			}
		}
	}

	private static double ratio(int a, int b) {
		return (b == 0) ? 1 : (double) a / b;
	}

	private static double f1(int right, int predicted, int truth) {
		double p = ratio(right, predicted);
		double r = ratio(right, truth);
		return (p + r == 0) ? 0 : 2 * p * r / (p + r);
	}

}
