package org.parley.web.discussion;

import java.security.Principal;
import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.UUID;

import org.parley.domain.discussion.DiscussionStatus;
import org.parley.domain.discussion.Privacy;
import org.parley.web.language.DiscussionLanguages;
import org.parley.web.system.CurrentOrganiser;
import org.parley.web.system.ProblemException;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The organisers' forms on the discussion page: settings, lifecycle and fixes of the
 * draft outline, as plain forms that work by keyboard and without scripts.
 */
@Controller
class DiscussionPages {

	private final DiscussionSettings settings;

	private final CurrentOrganiser organiser;

	private final MessageSource messages;

	private final DiscussionLanguages languages;

	DiscussionPages(DiscussionSettings settings, CurrentOrganiser organiser, MessageSource messages,
			DiscussionLanguages languages) {
		this.settings = settings;
		this.organiser = organiser;
		this.messages = messages;
		this.languages = languages;
	}

	@PostMapping("/discussions/{id}/settings")
	String saveSettings(@PathVariable UUID id, @RequestParam String title,
			@RequestParam(required = false) String description, @RequestParam(required = false) String opensAt,
			@RequestParam(required = false) String closesAt, @RequestParam(required = false) String timeZone,
			@RequestParam Privacy privacy, @RequestParam(defaultValue = "false") boolean premoderated,
			@RequestParam(required = false) String language, Principal principal, Locale locale,
			RedirectAttributes redirect) {
		try {
			ZoneId zone = zone(timeZone);
			this.settings.change(id, this.organiser.require(principal),
					new DiscussionPatch(title, (description != null) ? description : "", offset(opensAt, zone),
							offset(closesAt, zone), zone.getId(), privacy, null, premoderated, null));
			this.languages.set(id, language);
			redirect.addFlashAttribute("notice", text("discussion.notice.settingsSaved", locale));
		}
		catch (ProblemException ex) {
			redirect.addFlashAttribute("problem", ex.problemFor(this.messages, locale).getDetail());
			// What the organiser typed stays in the form, to be corrected rather than
			// typed
			// again.
			redirect.addFlashAttribute("typed", new TypedSettings(title, description, opensAt, closesAt, timeZone));
		}
		return "redirect:/discussions/" + id;
	}

	/**
	 * Publishes, closes, reopens or takes back to a draft; back to a draft, once people
	 * took part, only with the form's confirmation ticked.
	 */
	@PostMapping("/discussions/{id}/status")
	String moveTo(@PathVariable UUID id, @RequestParam DiscussionStatus status,
			@RequestParam(defaultValue = "false") boolean confirm, Principal principal, Locale locale,
			RedirectAttributes redirect) {
		try {
			this.settings.change(id, this.organiser.require(principal),
					new DiscussionPatch(null, null, null, null, null, null, status, null, confirm));
			redirect.addFlashAttribute("notice", text("discussion.notice.status." + status.name(), locale));
		}
		catch (ProblemException ex) {
			redirect.addFlashAttribute("problem", ex.problemFor(this.messages, locale).getDetail());
		}
		return "redirect:/discussions/" + id;
	}

	/** Deletes a draft; the form's confirmation is required, as the deletion is final. */
	@PostMapping("/discussions/{id}/delete")
	String delete(@PathVariable UUID id, @RequestParam(defaultValue = "false") boolean confirm, Principal principal,
			Locale locale, RedirectAttributes redirect) {
		UUID organiserId = this.organiser.require(principal);
		if (!confirm) {
			redirect.addFlashAttribute("problem", text("discussion.delete.unconfirmed", locale));
			return "redirect:/discussions/" + id;
		}
		try {
			this.settings.deleteDraft(id, organiserId);
		}
		catch (ProblemException ex) {
			redirect.addFlashAttribute("problem", ex.problemFor(this.messages, locale).getDetail());
			return "redirect:/discussions/" + id;
		}
		redirect.addFlashAttribute("notice", text("discussion.notice.deleted", locale));
		return "redirect:/";
	}

	@PostMapping("/discussions/{id}/outline/edits")
	String editOutline(@PathVariable UUID id, OutlineEdit edit, Principal principal, Locale locale,
			RedirectAttributes redirect) {
		try {
			this.settings.editOutline(id, this.organiser.require(principal), edit);
			redirect.addFlashAttribute("notice", text("discussion.notice.outlineUpdated", locale));
		}
		catch (ProblemException ex) {
			redirect.addFlashAttribute("problem", ex.problemFor(this.messages, locale).getDetail());
		}
		return "redirect:/discussions/" + id + ((edit.section() != null) ? "#section-" + edit.section() : "");
	}

	/** The settings form as the organiser filled it in, when Parley refused it. */
	public record TypedSettings(String title, String description, String opensAt, String closesAt, String timeZone) {
	}

	private String text(String key, Locale locale) {
		return this.messages.getMessage(key, null, locale);
	}

	private static ZoneId zone(String zone) {
		if (zone == null || zone.isBlank()) {
			return ZoneOffset.UTC;
		}
		try {
			return ZoneId.of(zone.strip());
		}
		catch (DateTimeException ex) {
			throw new ProblemException(org.springframework.http.HttpStatus.BAD_REQUEST, "INVALID_TIME_ZONE",
					"Unknown time zone", "That time zone is not known. Use a name such as Europe/Vienna.");
		}
	}

	private static OffsetDateTime offset(String local, ZoneId zone) {
		if (local == null || local.isBlank()) {
			return null;
		}
		try {
			return LocalDateTime.parse(local).atZone(zone).toOffsetDateTime();
		}
		catch (DateTimeException ex) {
			throw new ProblemException(org.springframework.http.HttpStatus.BAD_REQUEST, "INVALID_DATES",
					"Date not understood", "Please give dates as day, month, year and time.", "format");
		}
	}

}
