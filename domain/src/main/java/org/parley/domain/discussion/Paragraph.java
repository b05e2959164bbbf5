package org.parley.domain.discussion;

import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.parley.domain.outline.BlockKind;
import org.parley.domain.outline.TableCells;

/**
 * A paragraph, list item, table or quote of a section, numbered from 1 within it. As JSON
 * (API.md), a table whose cells are known also carries {@code rows}, {@code headerRows}
 * and, where the source has one, {@code caption}.
 *
 * @param id stable through outline edits: comments on the paragraph refer to it
 * @param number its running position within its section, which edits change
 * @param cells the rows and header rows of a {@link BlockKind#TABLE} paragraph whose
 * cells are known, otherwise null
 */
public record Paragraph(UUID id, int number, BlockKind kind, String text, @JsonIgnore TableCells cells) {

	/** A paragraph without cells. */
	public Paragraph(UUID id, int number, BlockKind kind, String text) {
		this(id, number, kind, text, null);
	}

	/** The table's rows, a spanning cell repeated in every slot it covers; or null. */
	@JsonProperty("rows")
	@JsonInclude(JsonInclude.Include.NON_NULL)
	public List<List<String>> rows() {
		return (this.cells != null) ? this.cells.rows() : null;
	}

	/** How many of the first rows are header rows; null without cells. */
	@JsonProperty("headerRows")
	@JsonInclude(JsonInclude.Include.NON_NULL)
	public Integer headerRows() {
		return (this.cells != null) ? this.cells.headerRows() : null;
	}

	/** The table's caption where the source has one. */
	@JsonProperty("caption")
	@JsonInclude(JsonInclude.Include.NON_NULL)
	public String caption() {
		return (this.cells != null) ? this.cells.caption() : null;
	}

}
