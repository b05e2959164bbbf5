package org.parley.web.invitation;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;

import org.parley.domain.invitation.Delivery;
import org.parley.domain.invitation.DeliveryRepository;
import org.parley.web.system.ExportBrokeOff;
import org.parley.web.system.SpreadsheetText;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DataAccessException;

/**
 * A batch's recipients as CSV for a spreadsheet, written page by page from the ledger so
 * that a million rows never sit in memory together.
 * <p>
 * Names and addresses come from the organiser's list, that is from anyone: every cell is
 * defused by {@link SpreadsheetText}, so a formula is shown, never run.
 */
final class RecipientsCsv {

	static final String HEADER = "line,email,name,status,reason,smtp_code,attempts,ambiguous,sent_at,revoked";

	private static final Logger log = LoggerFactory.getLogger(RecipientsCsv.class);

	private static final int PAGE = 5_000;

	private RecipientsCsv() {
	}

	/**
	 * Writes the whole export to the response. A client that leaves ends it quietly at
	 * the next write; a failure on Parley's side throws {@link ExportBrokeOff}, for the
	 * controller to break the transfer off.
	 */
	static void write(DeliveryRepository deliveries, UUID batchId, HttpServletResponse response) {
		int[] written = { 0 };
		OutputStream out;
		try {
			out = response.getOutputStream();
		}
		catch (IOException ex) {
			log.info("The client left before the recipients of batch {} were exported", batchId);
			return;
		}
		try {
			write(deliveries, batchId, out, PAGE, written);
		}
		catch (IOException ex) {
			log.info("The client left the export of batch {} after {} lines", batchId, written[0]);
		}
		catch (DataAccessException ex) {
			throw new ExportBrokeOff("The export of batch " + batchId + " broke off after " + written[0] + " lines",
					ex);
		}
	}

	/**
	 * Pages follow the list's line numbers rather than an offset: with an offset, the
	 * last page of a million rows read and skipped all the others first.
	 */
	static void write(DeliveryRepository deliveries, UUID batchId, OutputStream out, int pageSize) throws IOException {
		write(deliveries, batchId, out, pageSize, new int[1]);
	}

	private static void write(DeliveryRepository deliveries, UUID batchId, OutputStream out, int pageSize,
			int[] written) throws IOException {
		Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
		// A byte order mark makes Excel read UTF-8, so accented names survive.
		writer.write('\uFEFF');
		writer.write(HEADER);
		writer.write("\r\n");
		int after = Integer.MIN_VALUE;
		while (true) {
			List<Delivery> page = deliveries.findByBatchAfterLine(batchId, after, pageSize);
			for (Delivery d : page) {
				after = d.line();
				writer.write(String.join(",", cell(Integer.toString(d.line())), cell(d.email()), cell(d.name()),
						cell(d.status().name()), cell(d.reason()),
						cell((d.smtpCode() != null) ? d.smtpCode().toString() : null),
						cell(Integer.toString(d.attempts())), cell(Boolean.toString(d.ambiguous())),
						cell((d.sentAt() != null) ? d.sentAt().toString() : null),
						cell(Boolean.toString(d.isRevoked()))));
				writer.write("\r\n");
				written[0]++;
			}
			if (page.size() < pageSize) {
				break;
			}
		}
		writer.flush();
	}

	/** One quoted cell, defused if a spreadsheet would take it for a formula. */
	static String cell(String value) {
		return SpreadsheetText.csvCell(value);
	}

}
