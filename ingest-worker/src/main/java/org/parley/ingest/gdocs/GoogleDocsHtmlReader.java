package org.parley.ingest.gdocs;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import org.parley.ingest.structure.DocumentPart;
import org.parley.ingest.structure.TableGrid;

/**
 * Reads a Google Docs HTML export into its parts: the title and subtitle paragraphs,
 * headings h1–h6 (also those inside numbered lists, whose number becomes their label),
 * paragraphs made of many styled spans, list items, tables with their merged cells.
 * Scripts and comments are never run or read; footnote and comment anchors are dropped
 * from the text.
 */
public final class GoogleDocsHtmlReader {

	public List<DocumentPart> read(String html) {
		Document document = Jsoup.parse(html);
		// Footnote and comment bodies sit in divs at the end: they are not the draft's
		// text. Their
		// reference marks ("[1]") inside the text go too.
		document.select("script").remove();
		removeOutermost("div", document.select("a[href^=#ftnt_ref], a[href^=#cmnt_ref]"));
		Elements marks = document.select("a[href^=#ftnt], a[href^=#cmnt]");
		removeOutermost("sup", marks);
		marks.remove();
		StringBuilder styles = new StringBuilder();
		for (Element style : document.select("style")) {
			styles.append(style.data()).append('\n');
		}
		ListCounters counters = new ListCounters(styles.toString());
		List<DocumentPart> parts = new ArrayList<>();
		Deque<Element> pending = new ArrayDeque<>();
		pushChildren(pending, document.body());
		while (!pending.isEmpty()) {
			block(pending.pop(), counters, parts, pending);
		}
		return parts;
	}

	/**
	 * What {@code tag:has(a)} selects, found from the anchors upwards: the selector looks
	 * into every element's descendants, which takes quadratic time on deeply nested
	 * elements.
	 */
	private static void removeOutermost(String tag, List<Element> anchors) {
		for (Element anchor : anchors) {
			Element outermost = null;
			for (Element parent = anchor.parent(); parent != null; parent = parent.parent()) {
				if (parent.normalName().equals(tag)) {
					outermost = parent;
				}
			}
			if (outermost != null) {
				outermost.remove();
			}
		}
	}

	/** Children in document order on a stack: nesting is followed without recursion. */
	private static void pushChildren(Deque<Element> pending, Element parent) {
		List<Element> children = parent.children();
		for (int i = children.size() - 1; i >= 0; i--) {
			pending.push(children.get(i));
		}
	}

	private static void block(Element element, ListCounters counters, List<DocumentPart> parts,
			Deque<Element> pending) {
		String tag = element.normalName();
		switch (tag) {
			case "p" -> parts.add(paragraph(element));
			case "h1", "h2", "h3", "h4", "h5", "h6" -> parts.add(DocumentPart.heading(depth(tag), null, text(element)));
			case "ul", "ol" -> list(element, counters, parts);
			case "table" -> table(element, parts);
			case "blockquote" -> parts.add(DocumentPart.quote(text(element)));
			case "div" -> pushChildren(pending, element);
			default -> {
				// Horizontal rules, images and the like carry no text to discuss.
			}
		}
	}

	private static DocumentPart paragraph(Element p) {
		Set<String> classes = ListCounters.classes(p.className());
		if (classes.contains("title")) {
			return DocumentPart.title(text(p));
		}
		if (classes.contains("subtitle")) {
			return DocumentPart.subtitle(text(p));
		}
		return DocumentPart.paragraph(text(p));
	}

	private static void list(Element list, ListCounters counters, List<DocumentPart> parts) {
		counters.enterList(ListCounters.classes(list.className()), list.attr("start"));
		Set<String> classes = ListCounters.classes(list.className());
		for (Element item : list.children()) {
			if (!item.normalName().equals("li")) {
				continue;
			}
			String label = counters.label(classes);
			Element heading = item.selectFirst("h1, h2, h3, h4, h5, h6");
			if (heading != null) {
				parts.add(DocumentPart.heading(depth(heading.normalName()), label, text(heading)));
			}
			else {
				parts.add(DocumentPart.listItem(label, text(item)));
			}
		}
	}

	/**
	 * A table on its grid (colspan, rowspan); the rows of its thead, or else its leading
	 * rows of th cells only, are header rows; its caption is the caption element's text.
	 * Rows of tables nested in a cell are that cell's text.
	 */
	private static void table(Element table, List<DocumentPart> parts) {
		TableGrid grid = new TableGrid();
		int headerRows = 0;
		boolean leading = true;
		String caption = null;
		List<Element> rows = new ArrayList<>();
		List<Boolean> inHead = new ArrayList<>();
		for (Element child : table.children()) {
			switch (child.normalName()) {
				case "caption" -> caption = text(child);
				case "tr" -> {
					rows.add(child);
					inHead.add(false);
				}
				case "thead", "tbody", "tfoot" -> {
					for (Element row : child.children()) {
						if (row.normalName().equals("tr")) {
							rows.add(row);
							inHead.add(child.normalName().equals("thead"));
						}
					}
				}
				default -> {
					// Column groups hold no text.
				}
			}
		}
		for (int r = 0; r < rows.size(); r++) {
			grid.startRow();
			boolean allHeaders = true;
			boolean anyCell = false;
			for (Element cell : rows.get(r).children()) {
				if (cell.normalName().equals("td") || cell.normalName().equals("th")) {
					anyCell = true;
					allHeaders &= cell.normalName().equals("th");
					grid.cell(text(cell), span(cell.attr("colspan")), span(cell.attr("rowspan")));
				}
			}
			leading &= inHead.get(r) || (anyCell && allHeaders);
			headerRows += leading ? 1 : 0;
		}
		if (!grid.isEmpty()) {
			parts.add(DocumentPart.table(grid.cells(headerRows, caption)));
		}
	}

	private static int span(String attribute) {
		try {
			return attribute.isBlank() ? 1 : Integer.parseInt(attribute.strip());
		}
		catch (NumberFormatException ex) {
			return 1;
		}
	}

	private static int depth(String headingTag) {
		return headingTag.toLowerCase(Locale.ROOT).charAt(1) - '0';
	}

	/**
	 * The element's text: spans run together as displayed, entities decoded, no-break
	 * spaces kept for normalising.
	 */
	private static String text(Element element) {
		return element.text();
	}

}
