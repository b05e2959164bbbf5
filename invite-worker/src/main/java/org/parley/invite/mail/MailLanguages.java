package org.parley.invite.mail;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.parley.domain.invitation.EmailAddress;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The language a mail is written in: the recipient's own ({@code participant.language}),
 * else the discussion's ({@code discussion.language}), else the configured default
 * ({@code parley.mail.default-language}, English). A language Parley has no texts for
 * counts as not chosen, so the {@code lang} of a mail always names the language its text
 * is in.
 */
@Component
public class MailLanguages {

	/** The languages every kind of mail has texts for. */
	public static final Set<String> SUPPORTED = Set.of("en", "de", "fr", "es");

	private final JdbcClient jdbc;

	private final Locale fallback;

	MailLanguages(JdbcClient jdbc, @Value("${parley.mail.default-language:en}") Locale fallback) {
		this.jdbc = jdbc;
		this.fallback = supported(fallback.getLanguage()).orElse(Locale.ENGLISH);
	}

	/** The first of these that Parley writes mail in, else the default. */
	public Locale choose(String recipient, String discussion) {
		return supported(recipient).or(() -> supported(discussion)).orElse(this.fallback);
	}

	public Locale fallback() {
		return this.fallback;
	}

	/** The language a participant chose, or null. */
	public String ofParticipant(UUID participantId) {
		return first(this.jdbc.sql("select language from participant where id = :id")
			.param("id", participantId)
			.query(String.class)
			.list());
	}

	/**
	 * The languages chosen by the participants with these addresses, by the address as
	 * given; one query for a whole take of invitations.
	 */
	public Map<String, String> ofAddresses(Collection<String> emails) {
		Map<String, String> byNormalised = new HashMap<>();
		for (String email : emails) {
			byNormalised.put(EmailAddress.normalise(email), email);
		}
		Map<String, String> chosen = new HashMap<>();
		if (byNormalised.isEmpty()) {
			return chosen;
		}
		List<String> keys = List.copyOf(byNormalised.keySet());
		this.jdbc.sql("select email, language from participant where email in (:emails) and language is not null")
			.param("emails", keys)
			.query((rs, row) -> chosen.put(byNormalised.get(rs.getString("email")), rs.getString("language")))
			.list();
		return chosen;
	}

	/** The language a discussion is written in, or null. */
	public String ofDiscussion(UUID discussionId) {
		if (discussionId == null) {
			return null;
		}
		return first(this.jdbc.sql("select language from discussion where id = :id")
			.param("id", discussionId)
			.query(String.class)
			.list());
	}

	private static String first(List<String> values) {
		return values.isEmpty() ? null : values.get(0);
	}

	private static Optional<Locale> supported(String tag) {
		if (tag == null || tag.isBlank()) {
			return Optional.empty();
		}
		Locale locale = Locale.forLanguageTag(tag.strip());
		return SUPPORTED.contains(locale.getLanguage()) ? Optional.of(new Locale(locale.getLanguage()))
				: Optional.empty();
	}

}
