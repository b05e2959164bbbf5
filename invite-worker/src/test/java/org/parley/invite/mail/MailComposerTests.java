package org.parley.invite.mail;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.Locale;
import java.util.Properties;

import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every kind of mail has its texts in every language Parley writes mail in, and every
 * mail names its language and is quoted-printable, whatever its kind.
 */
class MailComposerTests {

	@ParameterizedTest
	@ValueSource(strings = { "invitation", "sign-in", "notification" })
	void everyLanguageHasEveryTextOfTheKind(String kind) throws IOException {
		Properties english = bundle(kind, "");
		assertThat(english).isNotEmpty();
		for (String language : MailLanguages.SUPPORTED) {
			if (language.equals("en")) {
				continue;
			}
			assertThat(bundle(kind, "_" + language).stringPropertyNames()).as("%s in %s", kind, language)
				.containsExactlyInAnyOrderElementsOf(english.stringPropertyNames());
		}
	}

	@ParameterizedTest
	@CsvSource({ "en, Hello,", "de, Guten Tag,", "fr, Bonjour,", "es, Hola:" })
	void aMailNamesItsLanguageAndIsQuotedPrintable(String language, String hello) throws Exception {
		MimeMessage message = new MailComposer().compose(Session.getInstance(new Properties()),
				Letter.of("sign-in", Locale.forLanguageTag(language))
					.from(MailFrom.parse("Parley <invitations@parley.test>"))
					.to(new InternetAddress("ana@example.org"))
					.messageId("<sign-in-1@parley.test>")
					.date(Instant.parse("2027-01-10T09:00:00Z"))
					.subject("subject.parley")
					.with("lead", "<b>not markup</b>")
					.with("link", "http://parley.test/sign-in/abc")
					.with("validity", "30")
					.build());
		message.saveChanges();

		Multipart parts = (Multipart) message.getContent();
		BodyPart plain = parts.getBodyPart(0);
		BodyPart html = parts.getBodyPart(1);
		assertThat(plain.getHeader("Content-Transfer-Encoding")).containsExactly("quoted-printable");
		assertThat(html.getHeader("Content-Transfer-Encoding")).containsExactly("quoted-printable");
		assertThat((String) plain.getContent()).startsWith(hello).contains("<b>not markup</b>");
		assertThat((String) html.getContent()).startsWith("<!DOCTYPE html><html lang=\"" + language + "\">")
			.contains("&lt;b&gt;not markup&lt;/b&gt;")
			.doesNotContain("<b>");
		assertThat(message.getHeader("Auto-Submitted")).containsExactly("auto-generated");
		assertThat(message.getMessageID()).isEqualTo("<sign-in-1@parley.test>");
	}

	private static Properties bundle(String kind, String suffix) throws IOException {
		Properties properties = new Properties();
		try (InputStream in = MailComposerTests.class.getResourceAsStream("/mail/" + kind + suffix + ".properties")) {
			assertThat(in).as("mail/%s%s.properties", kind, suffix).isNotNull();
			properties.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
		}
		return properties;
	}

}
