package org.parley.ingest.markdown;

import java.util.ArrayList;
import java.util.List;

import org.commonmark.ext.gfm.tables.TableBlock;
import org.commonmark.ext.gfm.tables.TableCell;
import org.commonmark.ext.gfm.tables.TableHead;
import org.commonmark.ext.gfm.tables.TableRow;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.BlockQuote;
import org.commonmark.node.BulletList;
import org.commonmark.node.Code;
import org.commonmark.node.Emphasis;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Heading;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.ListBlock;
import org.commonmark.node.ListItem;
import org.commonmark.node.Node;
import org.commonmark.node.OrderedList;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;
import org.parley.ingest.structure.DocumentPart;
import org.parley.ingest.structure.TableGrid;

/**
 * Reads a Markdown document into its parts. HTML inside the Markdown is dropped, never
 * interpreted; an emphasised paragraph right below the opening heading is the subtitle,
 * as in a Markdown rendering of a titled document.
 */
public final class MarkdownReader {

	private final Parser parser = Parser.builder().extensions(List.of(TablesExtension.create())).build();

	public List<DocumentPart> read(String markdown) {
		Node document = this.parser.parse(markdown);
		List<DocumentPart> parts = new ArrayList<>();
		for (Node node = document.getFirstChild(); node != null; node = node.getNext()) {
			if (node instanceof Paragraph paragraph && isSubtitle(paragraph, parts)) {
				parts.add(DocumentPart.subtitle(text(paragraph)));
			}
			else {
				block(node, parts);
			}
		}
		return parts;
	}

	private static boolean isSubtitle(Paragraph paragraph, List<DocumentPart> before) {
		return before.size() == 1 && before.get(0).kind() == DocumentPart.Kind.HEADING
				&& paragraph.getFirstChild() instanceof Emphasis && paragraph.getFirstChild().getNext() == null;
	}

	private static void block(Node node, List<DocumentPart> parts) {
		if (node instanceof Heading heading) {
			parts.add(DocumentPart.heading(heading.getLevel(), null, text(heading)));
		}
		else if (node instanceof Paragraph) {
			parts.add(DocumentPart.paragraph(text(node)));
		}
		else if (node instanceof ListBlock list) {
			list(list, parts);
		}
		else if (node instanceof BlockQuote) {
			for (Node child = node.getFirstChild(); child != null; child = child.getNext()) {
				parts.add(DocumentPart.quote(text(child)));
			}
		}
		else if (node instanceof TableBlock) {
			table(node, parts);
		}
		else if (node instanceof FencedCodeBlock code) {
			parts.add(DocumentPart.paragraph(code.getLiteral()));
		}
		else if (node instanceof IndentedCodeBlock code) {
			parts.add(DocumentPart.paragraph(code.getLiteral()));
		}
		// Thematic breaks, HTML blocks and link reference definitions carry no text to
		// discuss.
	}

	private static void list(ListBlock list, List<DocumentPart> parts) {
		int number = (list instanceof OrderedList ordered && ordered.getMarkerStartNumber() != null)
				? ordered.getMarkerStartNumber() : 1;
		String delimiter = (list instanceof OrderedList ordered && ordered.getMarkerDelimiter() != null)
				? ordered.getMarkerDelimiter() : ".";
		for (Node item = list.getFirstChild(); item != null; item = item.getNext()) {
			if (!(item instanceof ListItem)) {
				continue;
			}
			String label = (list instanceof BulletList) ? null : number + delimiter;
			number++;
			StringBuilder text = new StringBuilder();
			List<DocumentPart> nested = new ArrayList<>();
			for (Node child = item.getFirstChild(); child != null; child = child.getNext()) {
				if (child instanceof ListBlock inner) {
					list(inner, nested);
				}
				else {
					text.append(' ').append(text(child));
				}
			}
			parts.add(DocumentPart.listItem(label, text.toString()));
			parts.addAll(nested);
		}
	}

	/** A GFM pipe table: the row above the delimiter row is the header row. */
	private static void table(Node table, List<DocumentPart> parts) {
		TableGrid grid = new TableGrid();
		int headerRows = 0;
		for (Node section = table.getFirstChild(); section != null; section = section.getNext()) {
			for (Node row = section.getFirstChild(); row != null; row = row.getNext()) {
				if (row instanceof TableRow) {
					grid.startRow();
					headerRows += (section instanceof TableHead) ? 1 : 0;
					for (Node cell = row.getFirstChild(); cell != null; cell = cell.getNext()) {
						if (cell instanceof TableCell) {
							grid.cell(text(cell), 1, 1);
						}
					}
				}
			}
		}
		if (!grid.isEmpty()) {
			parts.add(DocumentPart.table(grid.cells(headerRows, null)));
		}
	}

	/** The text of a node's inlines; line breaks inside a paragraph are spaces. */
	static String text(Node node) {
		StringBuilder text = new StringBuilder();
		append(node, text);
		return text.toString();
	}

	private static void append(Node node, StringBuilder text) {
		if (node instanceof Text literal) {
			text.append(literal.getLiteral());
		}
		else if (node instanceof Code code) {
			text.append(code.getLiteral());
		}
		else if (node instanceof SoftLineBreak || node instanceof HardLineBreak) {
			text.append(' ');
		}
		else if (node instanceof Paragraph && text.length() > 0) {
			text.append(' ');
		}
		for (Node child = node.getFirstChild(); child != null; child = child.getNext()) {
			append(child, text);
		}
	}

}
