package org.parley.web.outcome;

import java.security.Principal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.parley.domain.discussion.Discussion;
import org.parley.web.discussion.DiscussionAccess;
import org.parley.web.system.ProblemException;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The organisers' outcome pages and forms, plain forms that work without scripts: the
 * moderation queue with its bulk decisions, the answers' due date, and one answer for a
 * filtered list of comments.
 */
@Controller
class OutcomePages {

	private final Moderation moderation;

	private final Responses responses;

	private final DiscussionAccess access;

	private final MessageSource messages;

	OutcomePages(Moderation moderation, Responses responses, DiscussionAccess access, MessageSource messages) {
		this.moderation = moderation;
		this.responses = responses;
		this.access = access;
		this.messages = messages;
	}

	@GetMapping("/discussions/{id}/moderation")
	String queue(@PathVariable UUID id, Principal principal, Model model) {
		ModerationView queue = this.moderation.queue(id, principal);
		Discussion d = this.access.readable(id, principal).orElseThrow(ProblemException::notFound);
		model.addAttribute("discussion", d);
		model.addAttribute("queue", queue);
		return "moderation";
	}

	@PostMapping("/discussions/{id}/moderation")
	String decide(@PathVariable UUID id, @RequestParam String action,
			@RequestParam(name = "commentId", required = false) List<UUID> commentIds, Principal principal,
			Locale locale, RedirectAttributes redirect) {
		try {
			int changed = this.moderation.decide(id,
					new Moderation.Decide(action, (commentIds != null) ? commentIds : List.of()), principal);
			redirect.addFlashAttribute("notice",
					this.messages.getMessage("moderation.notice.decided", new Object[] { changed }, locale));
		}
		catch (ProblemException ex) {
			if (ex.problem().getStatus() == HttpStatus.NOT_FOUND.value()) {
				throw ex;
			}
			redirect.addFlashAttribute("problem", ex.problemFor(this.messages, locale).getDetail());
		}
		return "redirect:/discussions/" + id + "/moderation";
	}

	/** The due date as a day in the discussion's time zone, at the end of that day. */
	@PostMapping("/discussions/{id}/response-deadline")
	String chooseDeadline(@PathVariable UUID id, @RequestParam(required = false) String dueOn, Principal principal,
			Locale locale, RedirectAttributes redirect) {
		try {
			Discussion d = this.access.readable(id, principal).orElseThrow(ProblemException::notFound);
			ZoneId zone = (d.timeZone() != null) ? d.timeZone() : ZoneOffset.UTC;
			OffsetDateTime dueAt = (dueOn == null || dueOn.isBlank()) ? null
					: day(dueOn).atTime(LocalTime.of(23, 59)).atZone(zone).toOffsetDateTime();
			this.responses.chooseDeadline(id, dueAt, principal);
			redirect.addFlashAttribute("notice", this.messages.getMessage("responses.notice.deadline", null, locale));
		}
		catch (ProblemException ex) {
			redirect.addFlashAttribute("problem", ex.problemFor(this.messages, locale).getDetail());
		}
		return "redirect:/discussions/" + id;
	}

	@PostMapping("/discussions/{id}/responses")
	String answerSelection(@PathVariable UUID id, @RequestParam(required = false) String status,
			@RequestParam(required = false) String text, @RequestParam(required = false) Integer section,
			@RequestParam(required = false) String answeredAs, @RequestParam(defaultValue = "false") boolean unanswered,
			Principal principal, Locale locale, RedirectAttributes redirect) {
		try {
			int answered = this.responses.answerSelection(id,
					new Responses.BulkAnswer(status, text, section,
							(answeredAs == null || answeredAs.isBlank()) ? null : answeredAs, unanswered, null),
					principal);
			redirect.addFlashAttribute("notice",
					this.messages.getMessage("responses.notice.answered", new Object[] { answered }, locale));
		}
		catch (ProblemException ex) {
			redirect.addFlashAttribute("problem", ex.problemFor(this.messages, locale).getDetail());
		}
		return "redirect:/discussions/" + id;
	}

	private static LocalDate day(String value) {
		try {
			return LocalDate.parse(value.strip());
		}
		catch (DateTimeException ex) {
			throw new ProblemException(HttpStatus.BAD_REQUEST, "INVALID_DATE", "Unknown date",
					"Please give the date as year, month and day.");
		}
	}

}
