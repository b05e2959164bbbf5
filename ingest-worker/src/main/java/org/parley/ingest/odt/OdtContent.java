package org.parley.ingest.odt;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamReader;

import org.parley.ingest.structure.DocumentPart;
import org.parley.ingest.structure.TableGrid;

/**
 * The styles and the body of an OpenDocument text, taken from the parser's events in
 * document order: styles.xml first, then content.xml (or the one file of a Flat ODT,
 * whose styles come before its body). Headings are numbered by the outline style when
 * their paragraph style is assigned to the outline, list items by their list's style; a
 * {@code text:number} that the producer wrote is taken as drawn. Indexes (tables of
 * contents), notes, annotations, tracked deletions and drawings are not the draft's
 * running text and are skipped.
 */
final class OdtContent {

	static final String OFFICE = "urn:oasis:names:tc:opendocument:xmlns:office:1.0";

	private static final String TEXT = "urn:oasis:names:tc:opendocument:xmlns:text:1.0";

	private static final String STYLE = "urn:oasis:names:tc:opendocument:xmlns:style:1.0";

	private static final String TABLE = "urn:oasis:names:tc:opendocument:xmlns:table:1.0";

	private static final String DRAW = "urn:oasis:names:tc:opendocument:xmlns:drawing:1.0";

	private static final String XML = "http://www.w3.org/XML/1998/namespace";

	/** Elements whose content is not the running text of the draft. */
	private static final Set<String> SKIPPED_TEXT = Set.of("table-of-content", "alphabetical-index",
			"illustration-index", "table-index", "object-index", "user-index", "bibliography", "tracked-changes",
			"sequence-decls", "variable-decls", "user-field-decls", "note", "bookmark", "bookmark-start",
			"bookmark-end", "reference-mark", "reference-mark-start", "reference-mark-end", "soft-page-break");

	private static final Set<String> SKIPPED_OFFICE = Set.of("annotation", "annotation-end", "forms", "scripts",
			"font-face-decls", "master-styles", "meta", "settings", "event-listeners");

	private static final Pattern HEADING_STYLE = Pattern.compile("\\|heading ([1-9])\\|");

	private final Map<String, ParagraphStyle> paragraphStyles = new HashMap<>();

	private final Map<String, ListStyle> listStyles = new HashMap<>();

	private ListStyle outline = new ListStyle();

	private ListCounter outlineCounter;

	private final Map<String, ListCounter> styleCounters = new HashMap<>();

	private final Map<String, ListCounter> listsById = new HashMap<>();

	private final Map<String, ListCounter> lastListOfStyle = new HashMap<>();

	private final List<DocumentPart> parts = new ArrayList<>();

	private int skipping;

	private boolean inBody;

	private ListStyle buildingList;

	private final Deque<OpenList> lists = new ArrayDeque<>();

	private Paragraph paragraph;

	private int tableDepth;

	private TableGrid grid;

	private int headerRows;

	private boolean inHeaderRows;

	private String tableCaption;

	/** The caption paragraph last added to the parts, until another part follows. */
	private DocumentPart caption;

	/** The table last added to the parts, while no part follows it. */
	private DocumentPart uncaptionedTable;

	private StringBuilder cell;

	private int cellColumns;

	private int cellRows;

	private int cellRepeated;

	List<DocumentPart> parts() {
		return this.parts;
	}

	void accept(int event, XMLStreamReader reader) {
		if (event == XMLStreamConstants.START_ELEMENT) {
			start(reader);
		}
		else if (event == XMLStreamConstants.END_ELEMENT) {
			end(reader);
		}
		else if ((event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA
				|| event == XMLStreamConstants.SPACE) && this.skipping == 0 && this.paragraph != null) {
			this.paragraph.append(reader.getText());
		}
	}

	private void start(XMLStreamReader reader) {
		if (this.skipping > 0) {
			this.skipping++;
			return;
		}
		String ns = reader.getNamespaceURI();
		String name = reader.getLocalName();
		if ((TEXT.equals(ns) && SKIPPED_TEXT.contains(name)) || (OFFICE.equals(ns) && SKIPPED_OFFICE.contains(name))
				|| (DRAW.equals(ns) && this.inBody)) {
			this.skipping = 1;
			return;
		}
		if (STYLE.equals(ns) && name.equals("style")) {
			paragraphStyle(reader);
		}
		else if (TEXT.equals(ns) && (name.equals("list-style") || name.equals("outline-style"))) {
			this.buildingList = new ListStyle();
			if (name.equals("outline-style")) {
				this.outline = this.buildingList;
			}
			else {
				this.listStyles.put(attribute(reader, STYLE, "name"), this.buildingList);
			}
		}
		else if (TEXT.equals(ns) && this.buildingList != null
				&& (name.startsWith("list-level-style-") || name.equals("outline-level-style"))) {
			listLevel(reader, name);
		}
		else if (OFFICE.equals(ns) && name.equals("body")) {
			this.inBody = true;
			this.outlineCounter = new ListCounter(this.outline);
		}
		else if (!this.inBody) {
			return;
		}
		else if (TEXT.equals(ns)) {
			startText(reader, name);
		}
		else if (TABLE.equals(ns)) {
			startTable(reader, name);
		}
	}

	private void startText(XMLStreamReader reader, String name) {
		switch (name) {
			case "p", "h" -> {
				this.paragraph = new Paragraph(name.equals("h"), attribute(reader, TEXT, "style-name"));
				this.paragraph.outlineLevel = Math.max(1,
						Math.min(ListStyle.LEVELS, integer(attribute(reader, TEXT, "outline-level"), 1)));
				this.paragraph.listHeader = "true".equals(attribute(reader, TEXT, "is-list-header"));
				this.paragraph.restart = "true".equals(attribute(reader, TEXT, "restart-numbering"));
				this.paragraph.startValue = integer(attribute(reader, TEXT, "start-value"), 0);
			}
			case "number" -> {
				if (this.paragraph != null) {
					this.paragraph.number = new StringBuilder();
				}
			}
			case "s" -> {
				if (this.paragraph != null) {
					this.paragraph
						.append(" ".repeat(Math.max(1, Math.min(integer(attribute(reader, TEXT, "c"), 1), 64))));
				}
			}
			case "tab", "line-break" -> {
				if (this.paragraph != null) {
					this.paragraph.append(" ");
				}
			}
			case "list" -> startList(reader);
			case "list-item", "list-header" -> {
				OpenList list = this.lists.peek();
				if (list != null) {
					list.header = name.equals("list-header");
					list.itemStart = integer(attribute(reader, TEXT, "start-value"), 0);
					list.firstParagraph = true;
				}
			}
			default -> {
				// Spans, links, sections and fields carry their text inside.
			}
		}
	}

	private void startList(XMLStreamReader reader) {
		String styleName = attribute(reader, TEXT, "style-name");
		OpenList parent = this.lists.peek();
		ListCounter counter;
		if (parent != null) {
			counter = parent.counter;
		}
		else {
			ListStyle style = this.listStyles.getOrDefault(styleName, new ListStyle());
			String continued = attribute(reader, TEXT, "continue-list");
			if (continued != null && this.listsById.containsKey(continued)) {
				counter = this.listsById.get(continued);
			}
			else if ("true".equals(attribute(reader, TEXT, "continue-numbering"))
					&& this.lastListOfStyle.containsKey(styleName)) {
				counter = this.lastListOfStyle.get(styleName);
			}
			else {
				counter = new ListCounter(style);
			}
			if (styleName != null) {
				this.lastListOfStyle.put(styleName, counter);
			}
		}
		String id = attribute(reader, XML, "id");
		if (id != null) {
			this.listsById.put(id, counter);
		}
		this.lists.push(new OpenList(counter, (parent != null) ? parent.level + 1 : 1));
	}

	private void startTable(XMLStreamReader reader, String name) {
		switch (name) {
			case "table" -> {
				this.tableDepth++;
				if (this.tableDepth == 1) {
					this.grid = new TableGrid();
					this.headerRows = 0;
					this.tableCaption = null;
					if (this.caption != null && !this.parts.isEmpty()
							&& this.parts.get(this.parts.size() - 1) == this.caption) {
						this.parts.remove(this.parts.size() - 1);
						this.tableCaption = this.caption.text();
					}
					this.caption = null;
				}
			}
			case "table-header-rows" -> this.inHeaderRows = this.tableDepth == 1;
			case "table-row" -> {
				if (this.tableDepth == 1) {
					this.grid.startRow();
					this.headerRows += this.inHeaderRows ? 1 : 0;
				}
			}
			case "table-cell" -> {
				if (this.tableDepth == 1) {
					this.cell = new StringBuilder();
					this.cellColumns = integer(attribute(reader, TABLE, "number-columns-spanned"), 1);
					this.cellRows = integer(attribute(reader, TABLE, "number-rows-spanned"), 1);
					this.cellRepeated = Math.max(1,
							Math.min(integer(attribute(reader, TABLE, "number-columns-repeated"), 1), 1_000));
				}
			}
			case "covered-table-cell" -> this.skipping = 1;
			default -> {
				// Column definitions and row groups hold no text of their own.
			}
		}
	}

	private void end(XMLStreamReader reader) {
		if (this.skipping > 0) {
			this.skipping--;
			return;
		}
		String ns = reader.getNamespaceURI();
		String name = reader.getLocalName();
		if (TEXT.equals(ns) && (name.equals("list-style") || name.equals("outline-style"))) {
			this.buildingList = null;
		}
		else if (!this.inBody) {
			return;
		}
		else if (OFFICE.equals(ns) && name.equals("body")) {
			this.inBody = false;
		}
		else if (TEXT.equals(ns)) {
			switch (name) {
				case "p", "h" -> endParagraph();
				case "number" -> {
					if (this.paragraph != null && this.paragraph.number != null) {
						this.paragraph.drawnNumber = this.paragraph.number.toString().strip();
						this.paragraph.number = null;
					}
				}
				case "list" -> this.lists.poll();
				default -> {
					// Inline elements end with their text.
				}
			}
		}
		else if (TABLE.equals(ns)) {
			endTable(name);
		}
	}

	private void endTable(String name) {
		switch (name) {
			case "table" -> {
				this.tableDepth--;
				if (this.tableDepth == 0 && this.grid != null) {
					if (!this.grid.isEmpty()) {
						DocumentPart table = DocumentPart.table(this.grid.cells(this.headerRows, this.tableCaption));
						this.parts.add(table);
						this.uncaptionedTable = (this.tableCaption == null) ? table : null;
					}
					this.grid = null;
				}
			}
			case "table-header-rows" -> this.inHeaderRows = false;
			case "table-cell" -> {
				if (this.tableDepth == 1 && this.grid != null && this.cell != null) {
					for (int i = 0; i < this.cellRepeated; i++) {
						this.grid.cell(this.cell.toString(), this.cellColumns, this.cellRows);
					}
					this.cell = null;
				}
			}
			default -> {
				// Nothing to close.
			}
		}
	}

	private void endParagraph() {
		Paragraph ended = this.paragraph;
		this.paragraph = null;
		if (ended == null) {
			return;
		}
		String text = ended.text.toString();
		if (this.tableDepth > 0) {
			if (this.cell != null) {
				this.cell.append(' ').append(text);
			}
			return;
		}
		OpenList list = this.lists.peek();
		if (ended.heading) {
			this.parts.add(DocumentPart.heading(ended.outlineLevel, headingLabel(ended, list), text));
			if (list != null) {
				list.firstParagraph = false;
			}
			return;
		}
		if (list != null) {
			String label = null;
			if (list.firstParagraph && !list.header) {
				label = (ended.drawnNumber != null) ? ended.drawnNumber
						: list.counter.next(list.level, (list.itemStart > 0) ? list.itemStart : null);
			}
			list.firstParagraph = false;
			this.parts.add(DocumentPart.listItem(emptyToNull(label), text));
			return;
		}
		String style = displayNames(ended.styleName);
		Matcher heading = HEADING_STYLE.matcher(style);
		if ((style.contains("|caption|") || style.contains("|table|")) && !text.isBlank()) {
			// A table's caption, above or below it.
			DocumentPart table = this.uncaptionedTable;
			if (table != null && this.parts.get(this.parts.size() - 1) == table) {
				this.parts.set(this.parts.size() - 1, DocumentPart.table(TableGrid.captioned(table.cells(), text)));
				this.uncaptionedTable = null;
				return;
			}
			this.caption = DocumentPart.paragraph(text);
			this.parts.add(this.caption);
		}
		else if (style.contains("|title|")) {
			this.parts.add(DocumentPart.title(text));
		}
		else if (style.contains("|subtitle|") || style.contains(".subtitle|")) {
			this.parts.add(DocumentPart.subtitle(text));
		}
		else if (style.contains("|quotations|") || style.contains("|quote|")) {
			this.parts.add(DocumentPart.quote(text));
		}
		else if (heading.find()) {
			// A paragraph set in a style based on a heading ("Appendix" on "Heading 1"),
			// outside the outline and its numbering: a heading as a reader sees it.
			this.parts.add(DocumentPart.heading(Integer.parseInt(heading.group(1)), null, text));
		}
		else if (!style.contains("|contents ")) {
			this.parts.add(DocumentPart.paragraph(text));
		}
	}

	/**
	 * The number drawn beside a heading: the producer's own {@code text:number}, the
	 * enclosing list's, its paragraph style's list style, or the outline's.
	 */
	private String headingLabel(Paragraph heading, OpenList list) {
		if (heading.drawnNumber != null) {
			return emptyToNull(heading.drawnNumber);
		}
		if (heading.listHeader) {
			return null;
		}
		if (list != null) {
			Integer start = (list.itemStart > 0) ? list.itemStart : null;
			return list.firstParagraph && !list.header ? list.counter.next(list.level, start) : null;
		}
		ParagraphStyle assigned = null;
		String listStyleName = null;
		Set<String> seen = new HashSet<>();
		for (ParagraphStyle style = this.paragraphStyles.get(heading.styleName); style != null
				&& seen.add(style.name); style = this.paragraphStyles.get(style.parent)) {
			if (listStyleName == null && style.listStyleName != null) {
				listStyleName = style.listStyleName;
			}
			if (assigned == null && style.outlineLevel != null) {
				assigned = style;
			}
		}
		if ((assigned != null && assigned.outlineLevel.isEmpty())
				|| (listStyleName != null && listStyleName.isEmpty())) {
			// A style taken out of the outline ("Appendix"), or one that says "no list"
			// (as LibreOffice marks the heading styles it imports unnumbered from Word):
			// its headings carry no number.
			return null;
		}
		Integer start = null;
		if (heading.restart) {
			start = (heading.startValue > 0) ? heading.startValue : this.outline.level(heading.outlineLevel).start();
		}
		if (listStyleName != null && !listStyleName.isEmpty() && this.listStyles.containsKey(listStyleName)) {
			ListCounter counter = this.styleCounters.computeIfAbsent(listStyleName,
					key -> new ListCounter(this.listStyles.get(key)));
			return counter.next(heading.outlineLevel, start);
		}
		return this.outlineCounter.next(heading.outlineLevel, start);
	}

	/**
	 * "|text body.subtitle|text body|" for a paragraph style and the styles it is based
	 * on.
	 */
	private String displayNames(String styleName) {
		StringBuilder names = new StringBuilder("|");
		Set<String> seen = new HashSet<>();
		for (ParagraphStyle style = this.paragraphStyles.get(styleName); style != null
				&& seen.add(style.name); style = this.paragraphStyles.get(style.parent)) {
			names.append(style.displayName).append('|');
		}
		if (names.length() == 1 && styleName != null) {
			names.append(decode(styleName).toLowerCase(Locale.ROOT)).append('|');
		}
		return names.toString();
	}

	private void paragraphStyle(XMLStreamReader reader) {
		String family = attribute(reader, STYLE, "family");
		String name = attribute(reader, STYLE, "name");
		if (!"paragraph".equals(family) || name == null) {
			return;
		}
		String display = attribute(reader, STYLE, "display-name");
		this.paragraphStyles.put(name,
				new ParagraphStyle(name, ((display != null) ? display : decode(name)).toLowerCase(Locale.ROOT),
						attribute(reader, STYLE, "parent-style-name"),
						attribute(reader, STYLE, "default-outline-level"),
						attribute(reader, STYLE, "list-style-name")));
	}

	private void listLevel(XMLStreamReader reader, String name) {
		int level = integer(attribute(reader, TEXT, "level"), 1);
		boolean numbered = name.equals("list-level-style-number") || name.equals("outline-level-style");
		String format = attribute(reader, STYLE, "num-format");
		this.buildingList.level(level, new ListStyle.Level(numbered, (format != null) ? format : "",
				orEmpty(attribute(reader, STYLE, "num-prefix")), orEmpty(attribute(reader, STYLE, "num-suffix")),
				integer(attribute(reader, TEXT, "display-levels"), 1),
				Math.max(0, integer(attribute(reader, TEXT, "start-value"), 1))));
	}

	/** Style names encode characters outside names as _xx_: "Heading_20_1". */
	private static String decode(String name) {
		StringBuilder decoded = new StringBuilder();
		for (int i = 0; i < name.length(); i++) {
			char c = name.charAt(i);
			if (c == '_' && i + 3 < name.length() && name.charAt(i + 3) == '_') {
				try {
					decoded.append((char) Integer.parseInt(name.substring(i + 1, i + 3), 16));
					i += 3;
					continue;
				}
				catch (NumberFormatException ex) {
					// Not an escape: keep the underscore.
				}
			}
			decoded.append(c);
		}
		return decoded.toString();
	}

	private static String attribute(XMLStreamReader reader, String namespace, String name) {
		return reader.getAttributeValue(namespace, name);
	}

	private static int integer(String value, int otherwise) {
		if (value == null) {
			return otherwise;
		}
		try {
			return Integer.parseInt(value.strip());
		}
		catch (NumberFormatException ex) {
			return otherwise;
		}
	}

	private static String orEmpty(String value) {
		return (value != null) ? value : "";
	}

	private static String emptyToNull(String label) {
		return (label == null || label.isBlank()) ? null : label.strip();
	}

	private record ParagraphStyle(String name, String displayName, String parent, String outlineLevel,
			String listStyleName) {
	}

	private static final class OpenList {

		final ListCounter counter;

		final int level;

		boolean header;

		int itemStart;

		boolean firstParagraph;

		OpenList(ListCounter counter, int level) {
			this.counter = counter;
			this.level = level;
		}

	}

	private static final class Paragraph {

		final boolean heading;

		final String styleName;

		final StringBuilder text = new StringBuilder();

		int outlineLevel;

		boolean listHeader;

		boolean restart;

		int startValue;

		StringBuilder number;

		String drawnNumber;

		Paragraph(boolean heading, String styleName) {
			this.heading = heading;
			this.styleName = styleName;
		}

		void append(String characters) {
			if (this.number != null) {
				this.number.append(characters);
			}
			else {
				this.text.append(characters);
			}
		}

	}

}
