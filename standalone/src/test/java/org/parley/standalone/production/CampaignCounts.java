package org.parley.standalone.production;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.parley.standalone.production.BatchLedger.Row;
import org.parley.standalone.production.SmtpSink.AcceptedMessage;

/**
 * What one campaign under a fault came to, in the names of RabbitMQ's Jepsen tests,
 * counted from the sink's record (copies by {@code Message-ID}) against the ledger:
 * <ul>
 * <li>{@code ok}: an invitee the sink accepted exactly one copy for;</li>
 * <li>{@code lost}: an invitee who should have been mailed and of whom the sink has no
 * copy;</li>
 * <li>{@code duplicated}: more than one copy, and the ledger did not flag the row
 * ambiguous;</li>
 * <li>{@code ambiguous}: more than one copy of a row the ledger flagged ambiguous, a send
 * again after an SMTP transaction that was cut (a crash, a dropped answer);</li>
 * <li>{@code refused}: rows failed with a 5xx, which the sink must not have either.</li>
 * </ul>
 * {@code flagged} counts every row flagged ambiguous, duplicated or not;
 * {@code inFlightBound} is how many SMTP transactions the faults could have cut, the
 * bound of {@code ambiguous}.
 *
 * @param recoveredLastMessage from the end of the fault to the campaign's last accepted
 * message
 * @param recoveredConverged from the end of the fault to the batch's counts matching the
 * ledger
 */
record CampaignCounts(String scenario, int deliverable, int ok, int lost, int duplicated, int ambiguous, int flagged,
		int refused, int refusedDelivered, int notSent, long inFlightBound, Duration recoveredLastMessage,
		Duration recoveredConverged) {

	static CampaignCounts of(String scenario, List<Row> rows, List<AcceptedMessage> accepted, Set<String> refusedKeys,
			long inFlightBound, Duration recoveredLastMessage, Duration recoveredConverged) {
		Map<UUID, Integer> copies = new HashMap<>();
		for (AcceptedMessage message : accepted) {
			UUID id = deliveryId(message.messageId());
			if (id != null) {
				copies.merge(id, 1, Integer::sum);
			}
		}
		int deliverable = 0, ok = 0, lost = 0, duplicated = 0, ambiguous = 0, flagged = 0, refused = 0,
				refusedDelivered = 0, notSent = 0;
		for (Row row : rows) {
			if (!row.deliverable()) {
				continue;
			}
			int n = copies.getOrDefault(row.id(), 0);
			if (row.ambiguous()) {
				flagged++;
			}
			if (refusedKeys.contains(row.emailKey())) {
				if ("FAILED".equals(row.status()) && row.smtpCode() != null && row.smtpCode() >= 500) {
					refused++;
				}
				if (n > 0) {
					refusedDelivered++;
				}
				continue;
			}
			deliverable++;
			if (!"SENT".equals(row.status())) {
				notSent++;
			}
			if (n == 0) {
				lost++;
			}
			else if (n == 1) {
				ok++;
			}
			else if (row.ambiguous()) {
				ambiguous++;
			}
			else {
				duplicated++;
			}
		}
		return new CampaignCounts(scenario, deliverable, ok, lost, duplicated, ambiguous, flagged, refused,
				refusedDelivered, notSent, inFlightBound, recoveredLastMessage, recoveredConverged);
	}

	/**
	 * {@code <uuid@domain>}: the ledger row's id, or null for a message of something
	 * else.
	 */
	static UUID deliveryId(String messageId) {
		if (messageId == null || !messageId.startsWith("<") || messageId.indexOf('@') < 2) {
			return null;
		}
		try {
			return UUID.fromString(messageId.substring(1, messageId.indexOf('@')));
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	static String table(List<CampaignCounts> all) {
		StringBuilder table = new StringBuilder(String.format("%-26s %7s %7s %5s %10s %9s %7s %7s %9s %8s %10s %10s%n",
				"scenario", "mailed", "ok", "lost", "duplicated", "ambiguous", "flagged", "refused", "in-flight",
				"not-sent", "last-msg", "converged"));
		for (CampaignCounts c : all) {
			table.append(String.format("%-26s %7d %7d %5d %10d %9d %7d %7d %9d %8d %9.1fs %9.1fs%n", c.scenario(),
					c.deliverable(), c.ok(), c.lost(), c.duplicated(), c.ambiguous(), c.flagged(), c.refused(),
					c.inFlightBound(), c.notSent(), seconds(c.recoveredLastMessage()),
					seconds(c.recoveredConverged())));
		}
		return table.toString();
	}

	private static double seconds(Duration d) {
		return (d != null) ? d.toMillis() / 1000.0 : Double.NaN;
	}

}
