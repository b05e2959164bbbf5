package org.parley.web.language;

import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A discussion's own language ({@code discussion.language}): the {@code lang} of its text
 * on the page, the last fallback for the page's language, set by its organisers.
 */
@Component
public class DiscussionLanguages {

	private final JdbcClient jdbc;

	private final Languages languages;

	DiscussionLanguages(JdbcClient jdbc, Languages languages) {
		this.jdbc = jdbc;
		this.languages = languages;
	}

	public Optional<String> of(UUID discussionId) {
		return this.jdbc.sql("select language from discussion where id = :id")
			.param("id", discussionId)
			.query(String.class)
			.optional()
			.filter(tag -> !tag.isBlank());
	}

	/**
	 * Names the discussion's language for this request, so that a reader who chose none
	 * and whose browser asks for none Parley speaks reads the page in it.
	 */
	Optional<String> useFor(UUID discussionId, HttpServletRequest request) {
		Optional<String> language = of(discussionId);
		language.ifPresent(tag -> request.setAttribute(ChosenLanguage.DISCUSSION_LANGUAGE, tag));
		return language;
	}

	/**
	 * Sets the language; a blank one clears it, one Parley does not know is refused
	 * (false). The caller has checked that the organiser may.
	 */
	public boolean set(UUID discussionId, String tag) {
		String value = null;
		if (tag != null && !tag.isBlank()) {
			Optional<Locale> known = this.languages.match(tag);
			if (known.isEmpty()) {
				return false;
			}
			value = known.get().toLanguageTag();
		}
		this.jdbc.sql("update discussion set language = :language where id = :id")
			.param("language", value)
			.param("id", discussionId)
			.update();
		return true;
	}

}
