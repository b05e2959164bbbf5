package org.parley.web.notification;

import java.security.Principal;
import java.time.ZoneId;
import java.util.Collections;
import java.util.Locale;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.UUID;

import org.parley.domain.notification.NotificationFrequency;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The settings page, and the unsubscribe link of notification emails. A POST on the link
 * (RFC 8058 one-click, from the mail provider, or the page's button) stops the
 * discussion's notifications at once; a GET only shows the page, because link scanners
 * open every link.
 */
@Controller
class NotificationPages {

	/**
	 * Every time zone Java knows, sorted once: they do not change while the process runs.
	 */
	private static final SortedSet<String> ZONES = Collections
		.unmodifiableSortedSet(new TreeSet<>(ZoneId.getAvailableZoneIds()));

	private final NotificationChoices choices;

	private final MessageSource messages;

	NotificationPages(NotificationChoices choices, MessageSource messages) {
		this.choices = choices;
		this.messages = messages;
	}

	/**
	 * The discussion page's follow button: an organiser hears about every new comment, or
	 * stops.
	 */
	@PostMapping("/discussions/{id}/follow")
	String follow(@PathVariable UUID id, @RequestParam boolean follow, Principal principal, Locale locale,
			RedirectAttributes redirect) {
		this.choices.follow(id, principal, follow);
		redirect.addFlashAttribute("notice", this.messages
			.getMessage(follow ? "discussion.notice.following" : "discussion.notice.notFollowing", null, locale));
		return "redirect:/discussions/" + id;
	}

	@GetMapping("/me/notifications")
	String settings(Principal principal, Model model) {
		model.addAttribute("settings", this.choices.settings(principal, null));
		model.addAttribute("frequencies", NotificationFrequency.values());
		model.addAttribute("zones", ZONES);
		return "notification-settings";
	}

	@PostMapping("/me/notifications")
	String change(@RequestParam NotificationFrequency replies, @RequestParam(required = false) String timeZone,
			@RequestParam(defaultValue = "false") boolean stopAll, Principal principal, Model model) {
		this.choices.change(principal,
				new NotificationSettingsForm(replies, null, stopAll, (timeZone != null) ? timeZone : ""));
		model.addAttribute("saved", true);
		return settings(principal, model);
	}

	@GetMapping("/unsubscribe/notifications/{token}")
	String confirm(@PathVariable String token, Model model) {
		model.addAttribute("unsubscription", this.choices.find(token));
		model.addAttribute("token", token);
		return "notification-unsubscribe";
	}

	@PostMapping("/unsubscribe/notifications/{token}")
	String unsubscribe(@PathVariable String token, Model model) {
		model.addAttribute("unsubscription", this.choices.unsubscribe(token));
		model.addAttribute("token", token);
		return "notification-unsubscribe";
	}

}
