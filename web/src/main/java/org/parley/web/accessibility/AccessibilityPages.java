package org.parley.web.accessibility;

import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import org.parley.web.language.LocalDates;
import org.parley.web.system.ProblemException;
import org.parley.web.system.SiteSettings;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The accessibility statement, its form to report a barrier (anyone, signed in or not),
 * and the reports as the organisers read them.
 */
@Controller
class AccessibilityPages {

	private final BarrierReports reports;

	private final SiteSettings site;

	private final MessageSource messages;

	AccessibilityPages(BarrierReports reports, SiteSettings site, MessageSource messages) {
		this.reports = reports;
		this.site = site;
		this.messages = messages;
	}

	@GetMapping("/accessibility")
	String statement(@RequestParam(required = false) String page, Locale locale, Model model) {
		model.addAttribute("checkedOn",
				LocalDates.date(
						this.site.accessibilityCheckedOn().atStartOfDay(java.time.ZoneOffset.UTC).toOffsetDateTime(),
						java.time.ZoneOffset.UTC, locale));
		model.addAttribute("maxDescription", BarrierReports.MAX_DESCRIPTION);
		if (!model.containsAttribute("typedPage")) {
			model.addAttribute("typedPage", page);
		}
		return "accessibility";
	}

	@PostMapping("/accessibility/barriers")
	String report(@RequestParam(required = false) String page, @RequestParam(required = false) String description,
			@RequestParam(required = false) String email, HttpServletRequest request, Locale locale,
			RedirectAttributes redirect) {
		try {
			this.reports.report(page, description, email, request.getRemoteAddr());
			redirect.addFlashAttribute("notice", this.messages.getMessage("accessibility.report.thanks", null, locale));
		}
		catch (ProblemException ex) {
			redirect.addFlashAttribute("problem", ex.problemFor(this.messages, locale).getDetail());
			redirect.addFlashAttribute("typedPage", page);
			redirect.addFlashAttribute("typedDescription", description);
			redirect.addFlashAttribute("typedEmail", email);
		}
		return "redirect:/accessibility#report";
	}

	@GetMapping("/accessibility/reports")
	String reports(Model model) {
		model.addAttribute("reports", this.reports.newest(200));
		return "barrier-reports";
	}

}
