package org.parley.ingest.odt;

/**
 * The counters of one list (or of the outline), as LibreOffice counts them: a level
 * advances, deeper levels restart, and a shallower level never used shows its start value
 * and counts on from there.
 */
final class ListCounter {

	private final int[] values = new int[ListStyle.LEVELS];

	private final boolean[] used = new boolean[ListStyle.LEVELS];

	private final ListStyle style;

	ListCounter(ListStyle style) {
		this.style = style;
		for (int i = 0; i < ListStyle.LEVELS; i++) {
			this.values[i] = style.level(i + 1).start() - 1;
		}
	}

	ListStyle style() {
		return this.style;
	}

	/**
	 * Counts an item at this level (1-based).
	 * @param startValue the item's own start value, or null
	 * @return the label as drawn, without surrounding spaces; null for a bullet or an
	 * empty number
	 */
	String next(int level, Integer startValue) {
		int index = Math.max(1, Math.min(level, ListStyle.LEVELS)) - 1;
		if (startValue != null) {
			this.values[index] = startValue - 1;
		}
		this.values[index]++;
		this.used[index] = true;
		for (int deeper = index + 1; deeper < ListStyle.LEVELS; deeper++) {
			this.values[deeper] = this.style.level(deeper + 1).start() - 1;
			this.used[deeper] = false;
		}
		ListStyle.Level definition = this.style.level(index + 1);
		if (!definition.numbered() || definition.format().isEmpty()) {
			return null;
		}
		int shown = Math.max(1, Math.min(definition.displayLevels(), index + 1));
		StringBuilder label = new StringBuilder(definition.prefix());
		for (int i = index + 1 - shown; i <= index; i++) {
			if (!this.used[i]) {
				this.values[i] = Math.max(this.values[i] + 1, this.style.level(i + 1).start());
				this.used[i] = true;
			}
			if (i > index + 1 - shown) {
				label.append('.');
			}
			label.append(this.style.level(i + 1).draw(this.values[i]));
		}
		label.append(definition.suffix());
		String drawn = label.toString().strip();
		return drawn.isEmpty() ? null : drawn;
	}

}
