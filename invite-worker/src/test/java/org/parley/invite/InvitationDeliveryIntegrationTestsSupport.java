package org.parley.invite;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
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

	public static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
