package org.parley.ingest.corpus;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

import org.parley.domain.outline.Block;
import org.parley.domain.outline.Outline;
import org.parley.domain.outline.OutlineSection;
import org.parley.ingest.ExpectedTable;

/**
 * How close an imported outline is to the expected one, as five figures between 0 and 1.
 * Every F1 is over multisets (order does not count, duplicates do): precision is the
 * share of what the import produced that the expected outline has, recall the share of
 * the expected outline that the import produced. Two empty sets score 1; one empty set
 * against a non-empty one scores 0.
 * <ul>
 * <li>{@code title}: 1 when title and subtitle are both exactly the expected ones, else
 * 0.</li>
 * <li>{@code units}: F1 of the units, a unit matching when its label, heading and level
 * are all exact (so a unit with the right heading at the wrong level counts as both a
 * false positive and a false negative). The unit of text before the first heading (label
 * and heading null) counts too.</li>
 * <li>{@code headings}: F1 of label and heading text together, ignoring the level; units
 * with neither label nor heading are left out.</li>
 * <li>{@code paragraphs}: F1 of the blocks' texts, whatever their kind, after whitespace
 * normalisation: a paragraph split in two, merged with the next one, carrying a running
 * header or missing a line is a miss.</li>
 * <li>{@code text}: text accuracy, the F1 of the whole outline's words (title, subtitle,
 * labels, headings and block texts split at whitespace, case and punctuation kept). It
 * ignores order and where text sits, so it measures only what text came through: lost
 * lines, page furniture left in, broken words, lost ligatures and hyphenation.</li>
 * <li>{@code tables}, {@code cells} and {@code teds}: table detection F1, cell F1 and the
 * tree-edit score over the cells, see {@link TableScore}.</li>
 * </ul>
 */
record StructureScore(double title, double units, double headings, double paragraphs, double text, double tables,
		double cells, double teds) {

	static final StructureScore ZERO = new StructureScore(0, 0, 0, 0, 0, 0, 0, 0);

	static final List<String> METRICS = List.of("title", "units", "headings", "paragraphs", "text", "tables", "cells",
			"teds");

	/** A score of the outline alone, for documents without tables. */
	StructureScore(double title, double units, double headings, double paragraphs, double text) {
		this(title, units, headings, paragraphs, text, 1, 1, 1);
	}

	static StructureScore of(Outline expected, Outline actual) {
		return of(expected, List.of(), actual);
	}

	/**
	 * The outline's figures and its tables' ({@link TableScore}), the expected tables'
	 * cells given apart as the expected outline holds only their text.
	 */
	static StructureScore of(Outline expected, List<ExpectedTable> expectedTables, Outline actual) {
		double title = Objects.equals(expected.title(), actual.title())
				&& Objects.equals(expected.subtitle(), actual.subtitle()) ? 1 : 0;
		TableScore tables = TableScore.of(expected, expectedTables, actual);
		return new StructureScore(title, f1(units(expected), units(actual)), f1(headings(expected), headings(actual)),
				f1(paragraphs(expected), paragraphs(actual)), f1(words(expected), words(actual)), tables.tables(),
				tables.cells(), tables.teds());
	}

	Map<String, Double> byMetric() {
		Map<String, Double> figures = new LinkedHashMap<>();
		figures.put("title", this.title);
		figures.put("units", this.units);
		figures.put("headings", this.headings);
		figures.put("paragraphs", this.paragraphs);
		figures.put("text", this.text);
		figures.put("tables", this.tables);
		figures.put("cells", this.cells);
		figures.put("teds", this.teds);
		return figures;
	}

	static StructureScore mean(List<StructureScore> scores) {
		if (scores.isEmpty()) {
			return ZERO;
		}
		Function<Function<StructureScore, Double>, Double> mean = metric -> scores.stream()
			.mapToDouble(metric::apply)
			.average()
			.orElse(0);
		return new StructureScore(mean.apply(StructureScore::title), mean.apply(StructureScore::units),
				mean.apply(StructureScore::headings), mean.apply(StructureScore::paragraphs),
				mean.apply(StructureScore::text), mean.apply(StructureScore::tables), mean.apply(StructureScore::cells),
				mean.apply(StructureScore::teds));
	}

	private static List<String> units(Outline outline) {
		return outline.sections()
			.stream()
			.map(section -> section.label() + "\u0000" + section.heading() + "\u0000" + section.level())
			.toList();
	}

	private static List<String> headings(Outline outline) {
		return outline.sections()
			.stream()
			.filter(section -> section.label() != null || section.heading() != null)
			.map(section -> section.label() + "\u0000" + section.heading())
			.toList();
	}

	private static List<String> paragraphs(Outline outline) {
		return outline.sections()
			.stream()
			.flatMap(section -> section.blocks().stream())
			.map(block -> normalise(block.text()))
			.toList();
	}

	private static List<String> words(Outline outline) {
		List<String> words = new ArrayList<>();
		addWords(words, outline.title());
		addWords(words, outline.subtitle());
		for (OutlineSection section : outline.sections()) {
			addWords(words, section.label());
			addWords(words, section.heading());
			for (Block block : section.blocks()) {
				addWords(words, block.text());
			}
		}
		return words;
	}

	private static void addWords(List<String> words, String text) {
		if (text != null) {
			for (String word : normalise(text).split(" ")) {
				if (!word.isEmpty()) {
					words.add(word);
				}
			}
		}
	}

	private static String normalise(String text) {
		return text.replaceAll("[\\s\\p{Z}]+", " ").strip();
	}

	static double f1(List<String> expected, List<String> actual) {
		if (expected.isEmpty() && actual.isEmpty()) {
			return 1;
		}
		if (expected.isEmpty() || actual.isEmpty()) {
			return 0;
		}
		Map<String, Integer> wanted = new HashMap<>();
		expected.forEach(item -> wanted.merge(item, 1, Integer::sum));
		int matched = 0;
		for (String item : actual) {
			Integer left = wanted.get(item);
			if (left != null && left > 0) {
				wanted.put(item, left - 1);
				matched++;
			}
		}
		double precision = (double) matched / actual.size();
		double recall = (double) matched / expected.size();
		return (matched == 0) ? 0 : 2 * precision * recall / (precision + recall);
	}

}
