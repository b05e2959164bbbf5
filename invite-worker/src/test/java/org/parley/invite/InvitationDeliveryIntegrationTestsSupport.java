package org.parley.invite;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

/** Reading caught mail back. */
public final class InvitationDeliveryIntegrationTestsSupport {

	private InvitationDeliveryIntegrationTestsSupport() {
	}

	/** How many messages each recipient got. */
	public static Map<String, Long> recipients(MimeMessage[] messages) {
		List<String> all = new ArrayList<>();
		try {
			for (MimeMessage m : messages) {
				all.add(m.getAllRecipients()[0].toString().replaceAll(".*<|>.*", ""));
			}
		}
		catch (MessagingException ex) {
			throw new IllegalStateException(ex);
		}
		return all.stream().collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
	}

	/**
	 * How many messages each recipient whose address carries the test's tag got. On a
	 * shared database and broker (CI), earlier test classes may leave requests that a
	 * worker also sends; each test counts only its own.
	 */
	public static Map<String, Long> recipients(MimeMessage[] messages, String tag) {
		return recipients(messages).entrySet()
			.stream()
			.filter(e -> e.getKey().contains(tag))
			.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
	}

	/** The messages to addresses that carry the test's tag. */
	public static List<MimeMessage> tagged(MimeMessage[] messages, String tag) {
		List<MimeMessage> mine = new ArrayList<>();
		try {
			for (MimeMessage m : messages) {
				if (m.getAllRecipients()[0].toString().contains(tag)) {
					mine.add(m);
				}
			}
		}
		catch (MessagingException ex) {
			throw new IllegalStateException(ex);
		}
		return mine;
	}

}
