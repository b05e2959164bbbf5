package org.parley.web.outcome;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

import org.parley.domain.outcome.CommentRecords;
import org.parley.web.system.SpreadsheetText;

/**
 * Every comment of a discussion as CSV, written as it is read, each cell defused as
 * {@code recipients.csv}'s are.
 */
final class CommentsCsv {

	private CommentsCsv() {
	}

	/**
	 * @return how many comments it wrote
	 * @throws UncheckedIOException when the client went away
	 */
	static long write(CommentRecords records, UUID discussionId, boolean includeHidden, OutputStream out)
			throws IOException {
		Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
		// A byte order mark makes Excel read UTF-8, so accented names survive.
		writer.write('\uFEFF');
		writer.write(line(CommentColumns.HEADER));
		long[] written = { 0 };
		records.forEach(discussionId, includeHidden, c -> {
			try {
				writer.write(line(CommentColumns.cells(c).stream().map(CommentColumns::text).toList()));
				written[0]++;
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		});
		writer.flush();
		return written[0];
	}

	static String line(List<String> cells) {
		return cells.stream().map(SpreadsheetText::csvCell).collect(Collectors.joining(",", "", "\r\n"));
	}

}
