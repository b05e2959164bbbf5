package org.parley.web.language;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * The languages Parley's pages speak: English, whose texts are
 * {@code messages.properties}, and one more for every {@code messages_<tag>.properties}
 * on the class path. Adding a language is adding that one file.
 */
@Component
public class Languages {

	/** The language of {@code messages.properties}, and of everything not chosen. */
	public static final Locale DEFAULT = Locale.ENGLISH;

	private static final Pattern BUNDLE = Pattern.compile("messages_([a-z]{2,3}(?:-[A-Z]{2})?)\\.properties");

	private final List<Locale> supported;

	public Languages() {
		this(discovered());
	}

	Languages(List<Locale> supported) {
		this.supported = List.copyOf(supported);
	}

	/** Every language, English first, then by tag. */
	public List<Locale> supported() {
		return this.supported;
	}

	/** The supported language a tag such as {@code de} or {@code de-AT} names, if any. */
	public Optional<Locale> match(String tag) {
		if (tag == null || tag.isBlank() || tag.length() > 16) {
			return Optional.empty();
		}
		Locale asked = Locale.forLanguageTag(tag.strip().replace('_', '-'));
		return this.supported.stream()
			.filter(l -> l.getLanguage().equals(asked.getLanguage()))
			.findFirst()
			.filter(l -> !asked.getLanguage().isEmpty());
	}

	/** The first of the browser's languages (best first) that Parley speaks. */
	public Optional<Locale> firstOf(Enumeration<Locale> accepted) {
		for (Locale l : Collections.list(accepted)) {
			Optional<Locale> found = match(l.toLanguageTag());
			if (found.isPresent()) {
				return found;
			}
		}
		return Optional.empty();
	}

	/**
	 * A language's name in that language, as a picker shows it: "Deutsch", "Français".
	 */
	public static String nativeName(Locale language) {
		String name = language.getDisplayLanguage(language);
		return name.isEmpty() ? language.toLanguageTag()
				: name.substring(0, 1).toUpperCase(language) + name.substring(1);
	}

	private static List<Locale> discovered() {
		List<Locale> found = new ArrayList<>();
		found.add(DEFAULT);
		try {
			List<String> tags = new ArrayList<>();
			for (Resource r : new PathMatchingResourcePatternResolver()
				.getResources("classpath*:messages_*.properties")) {
				Matcher m = BUNDLE.matcher(String.valueOf(r.getFilename()));
				if (m.matches() && !tags.contains(m.group(1))) {
					tags.add(m.group(1));
				}
			}
			tags.stream().sorted().map(Locale::forLanguageTag).forEach(found::add);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not list the message bundles", ex);
		}
		return found;
	}

}
