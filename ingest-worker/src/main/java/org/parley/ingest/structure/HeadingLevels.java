package org.parley.ingest.structure;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Gives each heading its level. Headings of one numbering family share a level,
 * unnumbered headings share the level of numbered ones that look the same, and families
 * are ordered by heading tag depth, then font size, then the family's conventional rank
 * ("Chapter" encloses "Article", "1." encloses "1.1."), then weight. Level 1 is the
 * outermost level the document uses.
 */
final class HeadingLevels {

	private HeadingLevels() {
	}

	/**
	 * A heading as far as its level is concerned.
	 *
	 * @param label its numbering, or null
	 * @param fontSize its size
	 * @param bold its weight
	 * @param tagDepth 1 to 6 from a tagged PDF's heading tag, or 0
	 */
	record Heading(SectionLabel label, float fontSize, boolean bold, int tagDepth) {
	}

	/**
	 * Roman numerals and letters look alike ("I.", "V.", "(i)"): their neighbours decide.
	 */
	static List<Heading> disambiguate(List<Heading> headings) {
		Map<String, SectionLabel> previousByShape = new HashMap<>();
		List<Heading> resolved = new ArrayList<>(headings.size());
		for (Heading heading : headings) {
			SectionLabel label = heading.label();
			if (label != null) {
				String shape = label.text().replaceAll("[A-Za-z]+", "x");
				SectionLabel previous = previousByShape.get(shape);
				String value = label.value();
				if (previous != null && value.length() == 1) {
					if (label.isRoman() && previous.isLetter()) {
						label = label.asLetter();
					}
					else if (label.isLetter() && previous.isRoman() && "VXLCDMvxlcdm".indexOf(value.charAt(0)) >= 0) {
						label = label.asRoman();
					}
				}
				previousByShape.put(shape, label);
				heading = new Heading(label, heading.fontSize(), heading.bold(), heading.tagDepth());
			}
			resolved.add(heading);
		}
		return resolved;
	}

	/**
	 * How sure each heading's level is, from 0.5 to 1: a level shared by many headings
	 * that look alike is sure; a heading alone in its family, or one whose type differs
	 * from most of its family's, is not.
	 */
	static double[] confidence(List<Heading> headings) {
		Map<String, List<Heading>> families = new HashMap<>();
		for (Heading heading : headings) {
			families.computeIfAbsent(familyKey(heading), (k) -> new ArrayList<>()).add(heading);
		}
		double[] confidence = new double[headings.size()];
		for (int i = 0; i < headings.size(); i++) {
			Heading heading = headings.get(i);
			List<Heading> family = families.get(familyKey(heading));
			double sure = (heading.tagDepth() > 0) ? 1.0
					: (family.size() >= 3) ? 1.0 : (family.size() == 2) ? 0.9 : 0.75;
			int alike = 0;
			for (Heading other : family) {
				if (BodyText.round(other.fontSize()) == BodyText.round(heading.fontSize())
						&& other.bold() == heading.bold()) {
					alike++;
				}
			}
			if (alike * 2 < family.size()) {
				sure -= 0.2;
			}
			confidence[i] = Math.max(0.5, sure);
		}
		return confidence;
	}

	private static String familyKey(Heading heading) {
		return (heading.label() != null) ? heading.label().family() : styleKey(heading);
	}

	static int[] levels(List<Heading> headings) {
		Map<String, HeadingClass> classes = new LinkedHashMap<>();
		String[] classOf = new String[headings.size()];
		for (int i = 0; i < headings.size(); i++) {
			Heading heading = headings.get(i);
			String key = (heading.label() != null) ? heading.label().family() : styleKey(heading);
			classOf[i] = key;
			classes
				.computeIfAbsent(key, (k) -> new HeadingClass(heading.label() != null ? heading.label().rank() : 1000))
				.add(heading, i);
		}
		reorderNamedFamiliesByNesting(classes);
		// Unnumbered headings set like numbered ones ("Introduction" beside "1. Scope")
		// share
		// their level.
		Map<String, String> alias = new HashMap<>();
		for (Map.Entry<String, HeadingClass> zero : classes.entrySet()) {
			String base = zero.getKey().replaceAll(":0$", "");
			if (!base.equals(zero.getKey()) && classes.containsKey(base)
					&& classes.get(base).looksLike(zero.getValue())) {
				alias.put(zero.getKey(), base);
			}
		}
		for (Map.Entry<String, HeadingClass> unlabelled : classes.entrySet()) {
			// Annexes and appendices stand beside the document's outermost units, set
			// like
			// them: they share their level, whatever their numbering.
			if (unlabelled.getValue().rank < 1000 && !isBesideTheBody(unlabelled.getKey())) {
				continue;
			}
			for (Map.Entry<String, HeadingClass> labelled : classes.entrySet()) {
				if (labelled.getValue().rank < 1000 && !isBesideTheBody(labelled.getKey())
						&& labelled.getValue().looksLike(unlabelled.getValue())) {
					alias.put(unlabelled.getKey(), labelled.getKey());
					break;
				}
			}
		}
		List<HeadingClass> ordered = new ArrayList<>();
		classes.forEach((key, headingClass) -> {
			if (!alias.containsKey(key)) {
				ordered.add(headingClass);
			}
		});
		ordered.sort(HeadingClass.ORDER);
		Map<HeadingClass, Integer> levelOf = new HashMap<>();
		int level = 0;
		HeadingClass previous = null;
		for (HeadingClass headingClass : ordered) {
			if (previous == null || HeadingClass.ORDER.compare(previous, headingClass) != 0) {
				level++;
			}
			levelOf.put(headingClass, level);
			previous = headingClass;
		}
		int[] levels = new int[headings.size()];
		for (int i = 0; i < levels.length; i++) {
			levels[i] = levelOf.get(classes.get(alias.getOrDefault(classOf[i], classOf[i])));
		}
		return numberingLeads(levels, headings, classOf);
	}

	/**
	 * Where most headings are numbered, the numbering says the levels: an unnumbered
	 * heading set larger than the outermost numbered ones ("Introduction", "Contents" in
	 * a standard) or an annex is their peer, not a level above them.
	 */
	private static int[] numberingLeads(int[] levels, List<Heading> headings, String[] classOf) {
		int numbered = 0;
		int outermost = Integer.MAX_VALUE;
		for (int i = 0; i < levels.length; i++) {
			if (headings.get(i).label() != null && !isBesideTheBody(classOf[i])) {
				numbered++;
				outermost = Math.min(outermost, levels[i]);
			}
		}
		if (numbered * 2 < levels.length || outermost == Integer.MAX_VALUE) {
			return levels;
		}
		int firstNumbered = -1;
		int lastNumbered = -1;
		for (int i = 0; i < levels.length; i++) {
			if (headings.get(i).label() != null && !isBesideTheBody(classOf[i])) {
				firstNumbered = (firstNumbered < 0) ? i : firstNumbered;
				lastNumbered = i;
			}
		}
		for (int i = 0; i < levels.length; i++) {
			// Front and back matter only: an unnumbered heading amid the numbered ones
			// may well enclose them.
			boolean matter = headings.get(i).label() == null && (i < firstNumbered || i > lastNumbered);
			if (matter || (isBesideTheBody(classOf[i]) && levels[i] < outermost)) {
				levels[i] = outermost;
			}
		}
		// Close the gaps left by the levels no heading has any more.
		TreeSet<Integer> used = new TreeSet<>();
		for (int level : levels) {
			used.add(level);
		}
		Map<Integer, Integer> dense = new HashMap<>();
		for (int level : used) {
			dense.put(level, dense.size() + 1);
		}
		for (int i = 0; i < levels.length; i++) {
			levels[i] = dense.get(levels[i]);
		}
		return levels;
	}

	/**
	 * Conventions differ: a US bill's divisions enclose titles, a French code's titles
	 * enclose chapters. The document shows which: a family whose headings appear before
	 * and again after another family's first heading encloses it.
	 */
	private static void reorderNamedFamiliesByNesting(Map<String, HeadingClass> classes) {
		List<Map.Entry<String, HeadingClass>> named = new ArrayList<>();
		for (Map.Entry<String, HeadingClass> entry : classes.entrySet()) {
			if (entry.getKey().startsWith("named:") && !isBesideTheBody(entry.getKey())) {
				named.add(entry);
			}
		}
		if (named.size() < 2) {
			return;
		}
		List<Integer> ranks = new ArrayList<>();
		for (Map.Entry<String, HeadingClass> entry : named) {
			ranks.add(entry.getValue().rank);
		}
		ranks.sort(null);
		List<HeadingClass> order = new ArrayList<>();
		named.stream().map(Map.Entry::getValue).sorted(Comparator.comparingInt((c) -> c.rank)).forEach(order::add);
		for (int pass = 0; pass < order.size(); pass++) {
			for (int i = 0; i + 1 < order.size(); i++) {
				HeadingClass outer = order.get(i);
				HeadingClass inner = order.get(i + 1);
				if (inner.encloses(outer) && !outer.encloses(inner)) {
					order.set(i, inner);
					order.set(i + 1, outer);
				}
			}
		}
		for (int i = 0; i < order.size(); i++) {
			order.get(i).rank = ranks.get(i);
		}
	}

	private static boolean isBesideTheBody(String family) {
		return family.matches("named:(annex|appendix|schedule|exhibit|annexe|anhang|anlage|anexo|attachment)");
	}

	private static String styleKey(Heading heading) {
		return "style:" + BodyText.round(heading.fontSize()) + ":" + heading.bold() + ":" + heading.tagDepth();
	}

	/** The headings of one family, with the typography most of them have. */
	private static final class HeadingClass {

		static final Comparator<HeadingClass> ORDER = Comparator.comparingInt(HeadingClass::tagOrder)
			.thenComparing(Comparator.comparingDouble(HeadingClass::fontSize).reversed())
			.thenComparingInt((headingClass) -> headingClass.rank)
			.thenComparing((headingClass) -> !headingClass.bold());

		int rank;

		private int first = -1;

		private int last = -1;

		private final Map<Float, Integer> sizes = new HashMap<>();

		private int boldCount;

		private int count;

		private int tagDepth = Integer.MAX_VALUE;

		HeadingClass(int rank) {
			this.rank = rank;
		}

		/**
		 * Whether this family's headings come before and again after the other's first.
		 */
		boolean encloses(HeadingClass other) {
			return this.first < other.first && this.last > other.first;
		}

		void add(Heading heading, int index) {
			if (this.first < 0) {
				this.first = index;
			}
			this.last = index;
			this.sizes.merge(BodyText.round(heading.fontSize()), 1, Integer::sum);
			this.boldCount += heading.bold() ? 1 : 0;
			this.count++;
			if (heading.tagDepth() > 0) {
				this.tagDepth = Math.min(this.tagDepth, heading.tagDepth());
			}
		}

		int tagOrder() {
			return this.tagDepth;
		}

		float fontSize() {
			float size = 0;
			int best = -1;
			for (Map.Entry<Float, Integer> entry : this.sizes.entrySet()) {
				if (entry.getValue() > best || (entry.getValue() == best && entry.getKey() > size)) {
					size = entry.getKey();
					best = entry.getValue();
				}
			}
			return size;
		}

		boolean bold() {
			return this.boldCount * 2 > this.count;
		}

		boolean looksLike(HeadingClass other) {
			return fontSize() == other.fontSize() && bold() == other.bold() && tagOrder() == other.tagOrder();
		}

	}

}
