package org.parley.ingest.corpus;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The figures each gated corpus document reached when the baseline was last written, per
 * metric. A change may raise them; lowering any of them by more than {@link #EPSILON}
 * fails the build until the baseline is rewritten on purpose.
 */
record Baseline(Map<String, Map<String, Double>> documents) {

	static final Path FILE = Corpus.COMMITTED.resolve("baseline.json");

	/** Room for rounding: the file keeps four decimals. */
	static final double EPSILON = 0.001;

	static final String UPDATE = "parley.structure.update-baseline";

	static Baseline read(Path file) {
		JsonNode root = JsonMapper.builder().build().readTree(file.toFile());
		Map<String, Map<String, Double>> documents = new TreeMap<>();
		for (Map.Entry<String, JsonNode> document : root.get("documents").properties()) {
			Map<String, Double> figures = new LinkedHashMap<>();
			for (Map.Entry<String, JsonNode> figure : document.getValue().properties()) {
				figures.put(figure.getKey(), figure.getValue().asDouble());
			}
			documents.put(document.getKey(), figures);
		}
		return new Baseline(documents);
	}

	static Baseline of(StructureReport report) {
		Map<String, Map<String, Double>> documents = new TreeMap<>();
		for (StructureReport.Row row : report.rows()) {
			Map<String, Double> figures = new LinkedHashMap<>();
			row.score()
				.byMetric()
				.forEach((metric, value) -> figures.put(metric, Math.round(value * 10_000) / 10_000.0));
			documents.put(row.document().id(), figures);
		}
		return new Baseline(documents);
	}

	void write(Path file) {
		Map<String, Object> root = new LinkedHashMap<>();
		root.put("documents", this.documents);
		try {
			Files.writeString(file,
					JsonMapper.builder().build().writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Every way the report falls short of this baseline: a metric below its figure, a
	 * document the baseline does not know yet, a baseline document no longer measured.
	 */
	List<String> shortfalls(StructureReport report) {
		List<String> shortfalls = new ArrayList<>();
		for (StructureReport.Row row : report.rows()) {
			String id = row.document().id();
			Map<String, Double> figures = this.documents.get(id);
			if (figures == null) {
				shortfalls.add(id + ": not in the baseline yet");
				continue;
			}
			row.score().byMetric().forEach((metric, value) -> {
				Double figure = figures.get(metric);
				if (figure == null) {
					shortfalls.add(id + " " + metric + ": not in the baseline yet");
				}
				else if (value < figure - EPSILON) {
					shortfalls.add(String.format(Locale.ROOT, "%s %s: %.4f, baseline %.4f%s", id, metric, value, figure,
							(row.problem() != null) ? " (" + row.problem() + ")" : ""));
				}
			});
		}
		Set<String> measured = report.rows().stream().map(row -> row.document().id()).collect(Collectors.toSet());
		this.documents.keySet()
			.stream()
			.filter(id -> !measured.contains(id))
			.forEach(id -> shortfalls.add(id + ": in the baseline but no longer measured"));
		return shortfalls;
	}

	/** The metrics that now beat the baseline, so that a reviewer knows to rewrite it. */
	List<String> gains(StructureReport report) {
		List<String> gains = new ArrayList<>();
		for (StructureReport.Row row : report.rows()) {
			Map<String, Double> figures = this.documents.getOrDefault(row.document().id(), Map.of());
			row.score().byMetric().forEach((metric, value) -> {
				Double figure = figures.get(metric);
				if (figure != null && value > figure + EPSILON) {
					gains.add(String.format(Locale.ROOT, "%s %s: %.4f, baseline %.4f", row.document().id(), metric,
							value, figure));
				}
			});
		}
		return gains;
	}

}
