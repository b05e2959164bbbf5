package org.parley.standalone;

import java.util.Properties;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.parley.domain.test.TestInfrastructure;
import org.parley.web.system.DevMailbox;

import static org.assertj.core.api.Assertions.assertThat;

class CaughtMailTests {

	private GreenMail greenMail;

	@BeforeEach
	void start() throws Exception {
		this.greenMail = new GreenMail(
				new ServerSetup(TestInfrastructure.freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
		this.greenMail.start();
	}

	@AfterEach
	void stop() {
		this.greenMail.stop();
	}

	@Test
	void listsTheDecodedTextAndHtmlPartsOfAMultipartMessage() throws Exception {
		Properties properties = new Properties();
		properties.put("mail.smtp.host", "127.0.0.1");
		properties.put("mail.smtp.port", String.valueOf(this.greenMail.getSmtp().getPort()));
		Session session = Session.getInstance(properties);
		MimeMessage message = new MimeMessage(session);
		message.setFrom(new InternetAddress("parley@example.org"));
		message.setRecipient(MimeMessage.RecipientType.TO, new InternetAddress("ana@example.org"));
		message.setSubject("Invitation: Stratégie", "UTF-8");
		String link = "http://localhost/invitations/" + "a".repeat(90) + "=.b";
		MimeBodyPart plain = new MimeBodyPart();
		plain.setText("Hello Zoë,\n" + link + "\n", "UTF-8", "plain");
		MimeBodyPart html = new MimeBodyPart();
		html.setText("<p>Hello Zoë, <a href=\"" + link + "\">open</a></p>", "UTF-8", "html");
		message.setContent(new MimeMultipart("alternative", plain, html));
		Transport.send(message);

		DevMailbox.Mail caught = new CaughtMail(this.greenMail).messages().get(0);

		assertThat(caught.subject()).isEqualTo("Invitation: Stratégie");
		assertThat(caught.text().replace("\r\n", "\n")).isEqualTo("Hello Zoë,\n" + link + "\n");
		assertThat(caught.html()).isEqualTo("<p>Hello Zoë, <a href=\"" + link + "\">open</a></p>");
		assertThat(caught.headers()).containsKey("Message-ID");
	}

}
