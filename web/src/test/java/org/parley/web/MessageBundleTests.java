package org.parley.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.TextNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.parley.domain.discussion.DiscussionStatus;
import org.parley.domain.discussion.Privacy;
import org.parley.domain.invitation.DeliveryStatus;
import org.parley.domain.invitation.InvitationBatchState;
import org.parley.domain.notification.NotificationFrequency;
import org.parley.domain.participation.CommentState;
import org.parley.web.participation.Participation.CommentOrder;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every text a person reads on a page comes from {@code messages.properties}, so that a
 * second language is one more file: no natural-language text in the templates, their
 * attributes or the scripts, and every key the pages ask for is in the bundle.
 */
class MessageBundleTests {

	/**
	 * Attributes a person reads or hears; their literal value is shown unless a th:
	 * attribute sets it.
	 */
	private static final Set<String> READABLE_ATTRIBUTES = Set.of("placeholder", "title", "aria-label", "alt", "label",
			"aria-description", "aria-roledescription");

	/**
	 * Elements whose whole body Thymeleaf replaces: what a template has there is only a
	 * prototype.
	 */
	private static final Set<String> BODY_REPLACING = Set.of("th:text", "th:utext", "th:replace", "th:insert");

	/**
	 * Literals in the scripts that have words but are not text: the rel keywords of links
	 * people post, and the strict-mode directive.
	 */
	private static final Set<String> SCRIPT_ALLOWED = Set.of("use strict", "nofollow noopener ugc");

	private static final Pattern WORD = Pattern.compile("\\p{L}{2,}");

	private static final Pattern WORDS = Pattern.compile("\\p{L}+[\\s,]+\\p{L}+");

	private static final Pattern QUOTED = Pattern.compile("'((?:[^']|'')*)'");

	private static final Pattern SCRIPT_STRING = Pattern
		.compile("'((?:[^'\\\\\\n]|\\\\.)*)'|\"((?:[^\"\\\\\\n]|\\\\.)*)\"");

	private static final Pattern KEY = Pattern.compile("#\\{([A-Za-z][\\w.]*)");

	private static final Pattern KEY_PREFIX = Pattern.compile("#\\{'([\\w.]+)'\\s*\\+");

	private static final Pattern MESSAGES_MSG = Pattern.compile("#messages\\.msg\\('([\\w.]+)'");

	/** A text handed to a script as its pattern, to be filled in there. */
	private static final Pattern PATTERN_KEY = Pattern.compile("patterns\\['([\\w.]+)'\\]");

	/**
	 * A text filled in with the placeholder itself, for a script to replace: no plural.
	 */
	private static final Pattern PLACEHOLDER_ARGUMENT = Pattern.compile("#\\{([\\w.]+)\\('\\{0\\}'");

	/** A problem's code where the web refuses something. */
	private static final Pattern PROBLEM_CODE = Pattern
		.compile("(?:ProblemException\\(|problem\\(|invalid\\()\\s*(?:[\\w.]+\\s*,\\s*)?\"([A-Z][A-Z_]{2,})\"");

	private static final Pattern SCRIPT_MSG = Pattern.compile("msg\\('([\\w-]+)'");

	private static final Pattern JAVA_KEY = Pattern.compile("(?:getMessage|text)\\(\"([\\w.]+)\"\\s*[,)]");

	private static Properties bundle;

	private static Map<String, String> templates;

	private static Map<String, String> scripts;

	@BeforeAll
	static void load() throws IOException {
		bundle = new Properties();
		try (InputStream in = MessageBundleTests.class.getResourceAsStream("/messages.properties")) {
			bundle.load(new InputStreamReader(in, StandardCharsets.UTF_8));
		}
		templates = read("classpath:templates/**/*.html");
		scripts = read("classpath:static/js/*.js");
		assertThat(templates).as("templates found").hasSizeGreaterThan(10);
		assertThat(scripts).as("scripts found").isNotEmpty();
	}

	@Test
	void templatesHoldNoTextOfTheirOwn() {
		List<String> found = new ArrayList<>();
		templates.forEach((name, html) -> {
			Document page = Jsoup.parse(html);
			for (Element e : page.getAllElements()) {
				if (e.nameIs("script") || e.nameIs("style") || replacedByThymeleaf(e)) {
					continue;
				}
				for (TextNode text : e.textNodes()) {
					if (WORD.matcher(text.text()).find()) {
						found.add(name + ": <" + e.tagName() + "> text \"" + text.text().strip() + "\"");
					}
				}
				for (String attribute : READABLE_ATTRIBUTES) {
					if (e.hasAttr(attribute) && !setByThymeleaf(e, attribute)
							&& WORD.matcher(e.attr(attribute)).find()) {
						found.add(name + ": <" + e.tagName() + "> " + attribute + "=\"" + e.attr(attribute) + "\"");
					}
				}
				if (e.nameIs("input") && Set.of("submit", "button", "reset").contains(e.attr("type"))
						&& e.hasAttr("value") && !setByThymeleaf(e, "value") && WORD.matcher(e.attr("value")).find()) {
					found.add(name + ": <input> value=\"" + e.attr("value") + "\"");
				}
				e.attributes().forEach(a -> {
					if (a.getKey().startsWith("th:")) {
						Matcher literal = QUOTED.matcher(a.getValue());
						while (literal.find()) {
							if (naturalLanguage(literal.group(1))) {
								found.add(name + ": <" + e.tagName() + "> " + a.getKey() + " literal '"
										+ literal.group(1) + "'");
							}
						}
					}
				});
			}
		});
		assertThat(found).as("text in templates instead of #{...}").isEmpty();
	}

	@Test
	void everyKeyTheTemplatesUseIsInTheBundle() {
		List<String> missing = new ArrayList<>();
		templates.forEach((name, html) -> {
			for (Pattern p : List.of(KEY, MESSAGES_MSG, PATTERN_KEY)) {
				Matcher key = p.matcher(html);
				while (key.find()) {
					if (!bundle.containsKey(key.group(1))) {
						missing.add(name + ": " + key.group(1));
					}
				}
			}
			Matcher prefix = KEY_PREFIX.matcher(html);
			while (prefix.find()) {
				String start = prefix.group(1);
				if (bundle.stringPropertyNames().stream().noneMatch(k -> k.startsWith(start))) {
					missing.add(name + ": " + start + "*");
				}
			}
		});
		assertThat(missing).as("keys used by templates but not in messages.properties").isEmpty();
	}

	@Test
	void everyLanguageHasEveryKeyAndNoOther() throws IOException {
		Map<String, Properties> languages = languages();
		assertThat(languages).as("German, French and Spanish at least").containsKeys("de", "fr", "es");
		List<String> differences = new ArrayList<>();
		languages.forEach((tag, texts) -> differences.addAll(differences(tag, bundle, texts)));
		assertThat(differences).isEmpty();
	}

	@Test
	void everyTextIsAnIcuPatternWithTheSameValuesInEveryLanguage() throws IOException {
		List<String> wrong = new ArrayList<>();
		Map<String, Properties> all = new LinkedHashMap<>(languages());
		all.put("en", bundle);
		all.forEach((tag, texts) -> {
			for (String key : texts.stringPropertyNames()) {
				String text = texts.getProperty(key);
				try {
					new com.ibm.icu.text.MessageFormat(text, com.ibm.icu.util.ULocale.forLanguageTag(tag));
				}
				catch (IllegalArgumentException ex) {
					wrong.add(tag + ": " + key + " is no ICU pattern: " + ex.getMessage());
					continue;
				}
				String english = bundle.getProperty(key);
				if (english != null && !arguments(english).equals(arguments(text))) {
					wrong.add(tag + ": " + key + " takes " + arguments(text) + ", English " + arguments(english));
				}
			}
		});
		assertThat(wrong).isEmpty();
	}

	@Test
	void aTextAScriptFillsInByReplacingHasNoPluralForm() {
		List<String> wrong = new ArrayList<>();
		templates.forEach((name, html) -> {
			Matcher key = PLACEHOLDER_ARGUMENT.matcher(html);
			while (key.find()) {
				String text = bundle.getProperty(key.group(1), "");
				if (text.matches("(?s).*\\{\\s*\\d+\\s*,.*")) {
					wrong.add(name + ": " + key.group(1) + " has a format; hand it over as ${patterns['...']}");
				}
			}
		});
		assertThat(wrong).isEmpty();
	}

	@Test
	void everyProblemTheWebAnswersHasATitleAndDetailInTheBundle() throws IOException {
		List<String> missing = new ArrayList<>();
		int found = 0;
		try (Stream<Path> sources = Files.walk(Path.of("src/main/java"))) {
			for (Path source : sources.filter(p -> p.toString().endsWith(".java")).toList()) {
				Matcher code = PROBLEM_CODE.matcher(Files.readString(source));
				while (code.find()) {
					found++;
					for (String part : List.of(".title", ".detail")) {
						if (!bundle.containsKey("problem." + code.group(1) + part)) {
							missing.add(source.getFileName() + ": problem." + code.group(1) + part);
						}
					}
				}
			}
		}
		assertThat(found).as("problem codes found in the sources").isGreaterThan(40);
		assertThat(missing).isEmpty();
	}

	@Test
	void theLanguageCheckFindsWhatIsMissingOrExtra() {
		Properties english = new Properties();
		english.setProperty("a", "A");
		english.setProperty("b", "{0, plural, one {# B} other {# Bs}}");
		Properties other = new Properties();
		other.setProperty("b", "{0, plural, one {# B} other {# Bs}}");
		other.setProperty("c", "C");
		assertThat(differences("xx", english, other)).containsExactlyInAnyOrder("xx lacks a", "xx has c, English not");
		assertThat(arguments("{0} and {1, plural, one {#} other {#}}")).containsExactly("0", "1");
	}

	@Test
	void everyKeyThePageControllersUseIsInTheBundle() throws IOException {
		List<String> missing = new ArrayList<>();
		try (Stream<Path> sources = Files.walk(Path.of("src/main/java"))) {
			for (Path source : sources.filter(p -> p.toString().endsWith(".java")).toList()) {
				Matcher key = JAVA_KEY.matcher(Files.readString(source));
				while (key.find()) {
					String k = key.group(1);
					if (!bundle.containsKey(k)) {
						missing.add(source.getFileName() + ": " + k);
					}
				}
			}
		}
		assertThat(missing).isEmpty();
	}

	@Test
	void everyValueAPageNamesHasALabel() throws ClassNotFoundException {
		List<String> missing = new ArrayList<>();
		labels("notification.frequency.", NotificationFrequency.values(), missing);
		labels("discussion.status.", DiscussionStatus.values(), missing);
		labels("discussion.notice.status.", DiscussionStatus.values(), missing);
		labels("discussion.privacy.", Privacy.values(), missing);
		labels("discussion.settings.privacy.", Privacy.values(), missing);
		labels("discussion.comments.sort.", CommentOrder.values(), missing);
		labels("invitation.state.", InvitationBatchState.values(), missing);
		labels("delivery.status.", DeliveryStatus.values(), missing);
		labels("import.drive.outcome.",
				(Enum<?>[]) Class.forName("org.parley.web.imports.ImportPages$DriveOutcome").getEnumConstants(),
				missing);
		for (CommentState state : CommentState.values()) {
			if (state != CommentState.PUBLISHED && !bundle.containsKey("js.state." + state.name())) {
				missing.add("js.state." + state.name());
			}
		}
		assertThat(missing).isEmpty();
	}

	@Test
	void scriptsTakeTheirTextsFromThePage() {
		List<String> found = new ArrayList<>();
		String allTemplates = String.join("\n", templates.values());
		scripts.forEach((name, js) -> {
			String code = js.replaceAll("(?m)^\\s*//.*$", "").replaceAll("(?m);\\s*//.*$", ";");
			Matcher literal = SCRIPT_STRING.matcher(code);
			while (literal.find()) {
				String value = (literal.group(1) != null) ? literal.group(1) : literal.group(2);
				if (!SCRIPT_ALLOWED.contains(value) && !value.startsWith("#") && !value.startsWith(".")
						&& !value.startsWith("/") && WORDS.matcher(value).find()) {
					found.add(name + ": '" + value + "'");
				}
			}
			Matcher asked = SCRIPT_MSG.matcher(code);
			while (asked.find()) {
				// A name ending in '-' is a prefix completed at run time, e.g. 'state-' +
				// state.
				String handedOver = "data-msg-" + asked.group(1) + (asked.group(1).endsWith("-") ? "" : "=");
				if (!allTemplates.contains(handedOver)) {
					found.add(name + ": msg('" + asked.group(1) + "') handed over by no template");
				}
			}
		});
		assertThat(found).as("texts in scripts that do not come from the page").isEmpty();
	}

	@Test
	void theCheckFindsTextWhereThereIsSome() {
		assertThat(naturalLanguage("Save settings")).isTrue();
		assertThat(naturalLanguage("Unsubscribe")).isTrue();
		assertThat(naturalLanguage("discussion.status.")).isFalse();
		assertThat(naturalLanguage("MOST_VOTED")).isFalse();
		assertThat(naturalLanguage("#section-")).isFalse();
		Element prototype = Jsoup.parse("<p th:text=\"#{a.b}\">Prototype</p>").selectFirst("p");
		assertThat(replacedByThymeleaf(prototype)).isTrue();
		Element own = Jsoup.parse("<div><p>Own text</p></div>").selectFirst("p");
		assertThat(replacedByThymeleaf(own)).isFalse();
	}

	private static List<String> differences(String tag, Properties english, Properties texts) {
		List<String> found = new ArrayList<>();
		english.stringPropertyNames()
			.stream()
			.filter(k -> !texts.containsKey(k))
			.sorted()
			.forEach(k -> found.add(tag + " lacks " + k));
		texts.stringPropertyNames()
			.stream()
			.filter(k -> !english.containsKey(k))
			.sorted()
			.forEach(k -> found.add(tag + " has " + k + ", English not"));
		return found;
	}

	/** The numbers of the values a pattern takes, {0}, {1}, ..., sorted. */
	private static java.util.SortedSet<String> arguments(String pattern) {
		java.util.SortedSet<String> numbers = new java.util.TreeSet<>();
		Matcher m = Pattern.compile("\\{\\s*(\\d+)\\s*[,}]").matcher(pattern);
		while (m.find()) {
			numbers.add(m.group(1));
		}
		return numbers;
	}

	/** Every messages_<tag>.properties beside messages.properties, by tag. */
	private static Map<String, Properties> languages() throws IOException {
		Map<String, Properties> found = new LinkedHashMap<>();
		for (Resource r : new PathMatchingResourcePatternResolver().getResources("classpath*:messages_*.properties")) {
			Properties texts = new Properties();
			try (InputStream in = r.getInputStream()) {
				texts.load(new InputStreamReader(in, StandardCharsets.UTF_8));
			}
			found.put(r.getFilename().replaceAll("messages_(.+)\\.properties", "$1"), texts);
		}
		return found;
	}

	private static void labels(String prefix, Enum<?>[] values, List<String> missing) {
		for (Enum<?> value : values) {
			if (!bundle.containsKey(prefix + value.name())) {
				missing.add(prefix + value.name());
			}
		}
	}

	/**
	 * A quoted literal in an expression is text when it reads as words, not as a key, id
	 * or code.
	 */
	private static boolean naturalLanguage(String literal) {
		return WORDS.matcher(literal).find() || literal.matches("\\p{Lu}\\p{Ll}+.*");
	}

	private static boolean replacedByThymeleaf(Element e) {
		for (Element at = e; at != null; at = at.parent()) {
			for (String attribute : BODY_REPLACING) {
				if (at.hasAttr(attribute)) {
					return true;
				}
			}
			if (Set.of("all", "body").contains(at.attr("th:remove"))) {
				return true;
			}
		}
		return false;
	}

	private static boolean setByThymeleaf(Element e, String attribute) {
		return e.hasAttr("th:" + attribute) || e.attr("th:attr").matches("(?s).*(^|,)\\s*" + attribute + "\\s*=.*");
	}

	private static Map<String, String> read(String pattern) throws IOException {
		Map<String, String> files = new LinkedHashMap<>();
		for (Resource r : new PathMatchingResourcePatternResolver().getResources(pattern)) {
			try (InputStream in = r.getInputStream()) {
				files.put(r.getURL().getPath().replaceAll(".*/(templates|js)/", "$1/"),
						new String(in.readAllBytes(), StandardCharsets.UTF_8));
			}
		}
		return files;
	}

}
