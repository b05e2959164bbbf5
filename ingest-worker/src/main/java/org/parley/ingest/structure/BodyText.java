package org.parley.ingest.structure;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The typography of the document's running text: the font size most of its characters
 * have, whether that text is bold, and the usual distance between baselines for each font
 * size. Headings are recognised by standing out from it, and paragraphs by gaps larger
 * than it.
 */
record BodyText(float fontSize, boolean bold, Map<Float, Float> lineSpacing, int colour) {

	static BodyText of(List<PlacedLine> lines) {
		Map<Float, Integer> charactersBySize = new HashMap<>();
		Map<Float, Integer> boldCharactersBySize = new HashMap<>();
		Map<Float, Map<Float, Integer>> spacingsBySize = new HashMap<>();
		Map<Integer, Integer> charactersByColour = new HashMap<>();
		PlacedLine previous = null;
		for (PlacedLine line : lines) {
			float size = round(line.fontSize());
			int length = line.text().length();
			charactersBySize.merge(size, length, Integer::sum);
			charactersByColour.merge(line.colour(), length, Integer::sum);
			if (line.bold()) {
				boldCharactersBySize.merge(size, length, Integer::sum);
			}
			if (previous != null && !line.opensColumn() && round(previous.fontSize()) == size) {
				float spacing = line.baseline() - previous.baseline();
				if (spacing > 0 && spacing < 2.5f * size) {
					spacingsBySize.computeIfAbsent(size, (key) -> new HashMap<>())
						.merge(Math.round(spacing * 4) / 4f, 1, Integer::sum);
				}
			}
			previous = line;
		}
		float bodySize = mostFrequent(charactersBySize, 0f);
		boolean bold = boldCharactersBySize.getOrDefault(bodySize, 0) * 2 > charactersBySize.getOrDefault(bodySize, 0);
		Map<Float, Float> lineSpacing = new HashMap<>();
		spacingsBySize.forEach((size, spacings) -> lineSpacing.put(size, smallestFrequent(spacings)));
		int colour = charactersByColour.entrySet()
			.stream()
			.max(Map.Entry.comparingByValue())
			.map(Map.Entry::getKey)
			.orElse(0);
		return new BodyText(bodySize, bold, lineSpacing, colour);
	}

	/** Font sizes are compared to the half point: renderers round differently. */
	static float round(float size) {
		return Math.round(size * 2) / 2f;
	}

	/**
	 * Near-black greys and slightly different reds are one colour to a reader; only a
	 * visible difference sets text apart.
	 */
	static boolean sameColour(int first, int second) {
		for (int shift = 0; shift <= 16; shift += 8) {
			if (Math.abs(((first >> shift) & 0xFF) - ((second >> shift) & 0xFF)) > 48) {
				return false;
			}
		}
		return true;
	}

	boolean isBodyColour(int colour) {
		return sameColour(colour, this.colour);
	}

	float lineSpacing(float fontSize) {
		Float spacing = this.lineSpacing.get(round(fontSize));
		return (spacing != null) ? spacing : 1.2f * fontSize;
	}

	boolean isBodySize(float fontSize) {
		return Math.abs(round(fontSize) - this.fontSize) < 0.6f;
	}

	private static float mostFrequent(Map<Float, Integer> counts, float fallback) {
		float best = fallback;
		int bestCount = -1;
		for (Map.Entry<Float, Integer> entry : counts.entrySet()) {
			if (entry.getValue() > bestCount || (entry.getValue() == bestCount && entry.getKey() < best)) {
				best = entry.getKey();
				bestCount = entry.getValue();
			}
		}
		return best;
	}

	/**
	 * The usual line spacing: the most frequent one, but a gap between paragraphs that
	 * happens to be as frequent must not win, so the smaller of near-equal candidates is
	 * taken.
	 */
	private static float smallestFrequent(Map<Float, Integer> spacings) {
		int top = 0;
		for (int count : spacings.values()) {
			top = Math.max(top, count);
		}
		float smallest = Float.MAX_VALUE;
		for (Map.Entry<Float, Integer> entry : spacings.entrySet()) {
			if (entry.getValue() * 2 >= top) {
				smallest = Math.min(smallest, entry.getKey());
			}
		}
		return smallest;
	}

}
