package org.parley.invite.mail;

import java.util.Locale;
import java.util.Map;
import java.util.Set;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.context.ITemplateContext;
import org.thymeleaf.messageresolver.IMessageResolver;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

import org.springframework.stereotype.Component;

/**
 * Writes every mail Parley sends, whatever its kind: a plain-text part from
 * {@code mail/<template>.txt} (Thymeleaf's TEXT mode) and an HTML part from
 * {@code mail/<template>.html} (HTML mode, so every value is escaped), both with their
 * texts from the kind's bundle ({@link MailTexts}) in the letter's language, both
 * quoted-printable UTF-8; the headers every mail carries (From, To, a Message-ID that is
 * the ledger's, Date, Subject, {@code Auto-Submitted}) and, when the letter has one, the
 * one-click unsubscribe of RFC 8058. Adding a kind of mail is adding its two templates
 * and its texts.
 */
@Component
public class MailComposer {

	/** What the HTML part of every mail must carry: its language. */
	private static final String HTML_LANG = "<html lang=\"";

	/** The template variable naming the kind whose texts a template reads. */
	private static final String KIND = "mailKind";

	private final MailTexts texts = new MailTexts();

	private final TemplateEngine engine = new TemplateEngine();

	public MailComposer() {
		ClassLoaderTemplateResolver templates = new ClassLoaderTemplateResolver(MailComposer.class.getClassLoader());
		templates.setPrefix("mail/");
		templates.setCharacterEncoding("UTF-8");
		templates.setTextTemplateModePatterns(Set.of("*.txt"));
		templates.setHtmlTemplateModePatterns(Set.of("*.html"));
		templates.setTemplateMode(TemplateMode.TEXT);
		templates.setCacheable(true);
		this.engine.setTemplateResolver(templates);
		this.engine.setMessageResolver(new KindMessages());
	}

	/** A text of a kind's bundle with its arguments filled in. */
	public String text(String kind, Locale locale, String key, Object... arguments) {
		return this.texts.text(kind, locale, key, arguments);
	}

	/** A text of a kind's bundle as written, such as a date pattern. */
	public String pattern(String kind, Locale locale, String key) {
		return this.texts.pattern(kind, locale, key);
	}

	public MimeMessage compose(Session session, Letter letter) throws MessagingException {
		Context context = new Context(letter.locale(), letter.variables());
		context.setVariable(KIND, letter.kind());
		context.setVariable("lang", letter.locale().toLanguageTag());
		context.setVariable("unsubscribe", letter.unsubscribe());
		String plain = this.engine.process(letter.template() + ".txt", context);
		String html = this.engine.process(letter.template() + ".html", context);
		if (!html.contains(HTML_LANG)) {
			throw new IllegalStateException("The HTML template of " + letter.kind() + " mail names no language");
		}
		MimeMessage message = new FixedIdMessage(session, letter.messageId());
		message.setFrom(letter.from().address());
		message.setRecipient(MimeMessage.RecipientType.TO, letter.to());
		message.setSubject(
				HeaderValue.oneLine(
						text(letter.kind(), letter.locale(), letter.subjectKey(), letter.subjectArguments().toArray())),
				"UTF-8");
		message.setHeader("Date", HeaderValue.date(letter.date()));
		if (letter.unsubscribe() != null) {
			message.setHeader("List-Unsubscribe", "<" + letter.unsubscribe() + ">");
			message.setHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
		}
		message.setHeader("Auto-Submitted", "auto-generated");
		for (Map.Entry<String, String> header : letter.headers().entrySet()) {
			message.setHeader(header.getKey(), HeaderValue.oneLine(header.getValue()));
		}
		MimeBodyPart plainPart = new MimeBodyPart();
		plainPart.setText(plain, "UTF-8", "plain");
		MimeBodyPart htmlPart = new MimeBodyPart();
		htmlPart.setText(html, "UTF-8", "html");
		// Named, so that saving the message does not write each part once more only to
		// choose it.
		plainPart.setHeader("Content-Transfer-Encoding", "quoted-printable");
		htmlPart.setHeader("Content-Transfer-Encoding", "quoted-printable");
		message.setContent(new MimeMultipart("alternative", plainPart, htmlPart));
		message.saveChanges();
		return message;
	}

	/**
	 * {@code #{key(args)}} in a template: the text of the kind the template is of, in the
	 * letter's language.
	 */
	private final class KindMessages implements IMessageResolver {

		@Override
		public String getName() {
			return "mail-texts";
		}

		@Override
		public Integer getOrder() {
			return 0;
		}

		@Override
		public String resolveMessage(ITemplateContext context, Class<?> origin, String key,
				Object[] messageParameters) {
			String kind = (String) context.getVariable(KIND);
			return MailComposer.this.texts.text(kind, context.getLocale(), key,
					(messageParameters != null) ? messageParameters : new Object[0]);
		}

		@Override
		public String createAbsentMessageRepresentation(ITemplateContext context, Class<?> origin, String key,
				Object[] messageParameters) {
			throw new IllegalStateException("No mail text " + key + " in " + context.getTemplateData().getTemplate());
		}

	}

}
