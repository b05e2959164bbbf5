package org.parley.ingest.pdf.table;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.parley.ingest.pdf.Ruling;
import org.parley.ingest.pdf.Word;

/**
 * Ruled tables: the page's horizontal and vertical rules are joined where they meet, and
 * each group of rules with at least three vertical positions (two columns) and two
 * horizontal ones is a grid. A missing piece of an inner rule makes the cells on both
 * sides one spanning cell. A table ruled only around its edges or only by horizontal
 * rules is left to {@link Stream}.
 */
final class Lattice {

	/** Rules this close are one (double rules, strokes drawn twice, rounding). */
	private static final float SNAP = 3f;

	private Lattice() {
	}

	static List<DetectedTable> tables(int page, List<Ruling> rulings, List<Word> words) {
		List<Ruling> horizontal = merged(rulings.stream().filter(Ruling::horizontal).toList());
		List<Ruling> vertical = merged(rulings.stream().filter(Ruling::vertical).toList());
		if (horizontal.size() < 2 || vertical.size() < 3) {
			return List.of();
		}
		List<Ruling> all = new ArrayList<>(horizontal);
		all.addAll(vertical);
		int[] parent = new int[all.size()];
		for (int i = 0; i < parent.length; i++) {
			parent[i] = i;
		}
		for (int h = 0; h < horizontal.size(); h++) {
			for (int v = 0; v < vertical.size(); v++) {
				if (touch(horizontal.get(h), vertical.get(v))) {
					union(parent, h, horizontal.size() + v);
				}
			}
		}
		List<DetectedTable> tables = new ArrayList<>();
		for (int root = 0; root < all.size(); root++) {
			List<Ruling> group = new ArrayList<>();
			for (int i = 0; i < all.size(); i++) {
				if (find(parent, i) == root) {
					group.add(all.get(i));
				}
			}
			DetectedTable table = grid(page, group, words);
			if (table != null) {
				tables.add(table);
			}
		}
		return tables;
	}

	private static DetectedTable grid(int page, List<Ruling> group, List<Word> words) {
		List<Ruling> horizontal = group.stream().filter(Ruling::horizontal).toList();
		List<Ruling> vertical = group.stream().filter(Ruling::vertical).toList();
		if (horizontal.isEmpty() || vertical.isEmpty()) {
			return null;
		}
		float left = Float.MAX_VALUE;
		float right = -Float.MAX_VALUE;
		float top = Float.MAX_VALUE;
		float bottom = -Float.MAX_VALUE;
		for (Ruling rule : group) {
			left = Math.min(left, rule.x1());
			right = Math.max(right, rule.x2());
			top = Math.min(top, rule.y1());
			bottom = Math.max(bottom, rule.y2());
		}
		List<Float> xs = positions(vertical);
		List<Float> ys = positions(horizontal);
		addEdge(xs, left);
		addEdge(xs, right);
		addEdge(ys, top);
		addEdge(ys, bottom);
		if (xs.size() < 3 || ys.size() < 2) {
			return null;
		}
		float[] columns = toArray(xs);
		float[] bands = toArray(ys);
		boolean[][] open = new boolean[bands.length - 1][columns.length - 2];
		for (int band = 0; band + 1 < bands.length; band++) {
			for (int edge = 1; edge + 1 < columns.length; edge++) {
				open[band][edge - 1] = !covered(vertical, columns[edge], bands[band], bands[band + 1]);
			}
		}
		List<Word> inside = new ArrayList<>();
		for (Word word : words) {
			if (word.middle() > left && word.middle() < right && word.centre() > top && word.centre() < bottom) {
				inside.add(word);
			}
		}
		boolean bandsAreRows = bands.length > 3;
		TableGrid.Cells cells = new TableGrid(columns, bands, open, bandsAreRows).rows(inside);
		if (cells == null) {
			return null;
		}
		return new DetectedTable(page, left, top, right, bottom, cells.rows(),
				cells.headerRows(horizontal, left, right));
	}

	/** Whether vertical rules at {@code x} cover most of the band from top to bottom. */
	private static boolean covered(List<Ruling> vertical, float x, float top, float bottom) {
		float length = 0;
		for (Ruling rule : vertical) {
			if (Math.abs(rule.position() - x) <= SNAP) {
				length += Math.max(0, Math.min(bottom, rule.y2()) - Math.max(top, rule.y1()));
			}
		}
		return length >= 0.5f * (bottom - top);
	}

	private static void addEdge(List<Float> positions, float edge) {
		for (float position : positions) {
			if (Math.abs(position - edge) <= SNAP) {
				return;
			}
		}
		positions.add(edge);
		positions.sort(Comparator.naturalOrder());
	}

	private static List<Float> positions(List<Ruling> rules) {
		List<Float> positions = new ArrayList<>();
		rules.stream().map(Ruling::position).sorted().forEach(position -> {
			if (positions.isEmpty() || position - positions.get(positions.size() - 1) > SNAP) {
				positions.add(position);
			}
		});
		return positions;
	}

	private static float[] toArray(List<Float> values) {
		float[] array = new float[values.size()];
		for (int i = 0; i < array.length; i++) {
			array[i] = values.get(i);
		}
		return array;
	}

	private static boolean touch(Ruling horizontal, Ruling vertical) {
		float x = vertical.position();
		float y = horizontal.position();
		return x >= horizontal.x1() - SNAP && x <= horizontal.x2() + SNAP && y >= vertical.y1() - SNAP
				&& y <= vertical.y2() + SNAP;
	}

	/** Collinear rules that overlap or nearly meet, joined. */
	static List<Ruling> merged(List<Ruling> rules) {
		if (rules.isEmpty()) {
			return List.of();
		}
		boolean horizontal = rules.get(0).horizontal();
		List<Ruling> sorted = new ArrayList<>(rules);
		sorted.sort(Comparator.comparingDouble(Ruling::position).thenComparingDouble(Ruling::start));
		List<Ruling> merged = new ArrayList<>();
		List<Ruling> lane = new ArrayList<>();
		float lanePosition = Float.NaN;
		for (Ruling rule : sorted) {
			if (!lane.isEmpty() && rule.position() - lanePosition > 1f) {
				join(lane, horizontal, merged);
				lane.clear();
			}
			if (lane.isEmpty()) {
				lanePosition = rule.position();
			}
			lane.add(rule);
		}
		join(lane, horizontal, merged);
		return merged;
	}

	private static void join(List<Ruling> lane, boolean horizontal, List<Ruling> merged) {
		List<Ruling> sorted = new ArrayList<>(lane);
		sorted.sort(Comparator.comparingDouble(Ruling::start));
		float position = sorted.get(0).position();
		float start = sorted.get(0).start();
		float end = sorted.get(0).end();
		for (Ruling rule : sorted.subList(1, sorted.size())) {
			if (rule.start() <= end + SNAP) {
				end = Math.max(end, rule.end());
			}
			else {
				merged.add(ruling(horizontal, position, start, end));
				start = rule.start();
				end = rule.end();
			}
		}
		merged.add(ruling(horizontal, position, start, end));
	}

	private static Ruling ruling(boolean horizontal, float position, float start, float end) {
		return horizontal ? new Ruling(start, position, end, position) : new Ruling(position, start, position, end);
	}

	private static int find(int[] parent, int i) {
		while (parent[i] != i) {
			parent[i] = parent[parent[i]];
			i = parent[i];
		}
		return i;
	}

	private static void union(int[] parent, int a, int b) {
		parent[find(parent, a)] = find(parent, b);
	}

}
