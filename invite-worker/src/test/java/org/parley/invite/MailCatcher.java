package org.parley.invite;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import org.parley.domain.test.TestInfrastructure;

import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * The SMTP relay of the invite-worker's integration tests: GreenMail on a free port of
 * its own, so that each test class reads back only the mail its own context sent, and the
 * properties that point a test context at it (or at a {@link FakeSmtpServer}).
 */
public final class MailCatcher {

	private MailCatcher() {
	}

	/** SMTP on a free port of the loopback address. */
	public static ServerSetup onFreePort() {
		return new ServerSetup(TestInfrastructure.freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP);
	}

	/** A GreenMail started on a free port; the caller stops it. */
	public static GreenMail start() {
		return start(onFreePort());
	}

	/** A GreenMail started on the given setup; the caller stops it. */
	public static GreenMail start(ServerSetup smtp) {
		GreenMail mail = new GreenMail(smtp);
		mail.start();
		return mail;
	}

	/**
	 * Registers the test database and broker, and the port of the SMTP server the worker
	 * sends to, for a Spring test context.
	 */
	public static void register(DynamicPropertyRegistry registry, int smtpPort) {
		TestInfrastructure.register(registry);
		registry.add("spring.mail.port", () -> smtpPort);
	}

}
