package org.parley.web.outcome;

import java.security.Principal;
import java.util.UUID;

import org.parley.domain.report.Report;
import org.parley.web.system.ProblemException;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The discussion page's report form, and the page that follows the report being made and
 * then offers it for download.
 */
@Controller
class ReportPages {

	private final Reports reports;

	private final OrganisedDiscussions organised;

	ReportPages(Reports reports, OrganisedDiscussions organised) {
		this.reports = reports;
		this.organised = organised;
	}

	@PostMapping("/discussions/{id}/reports")
	String request(@PathVariable UUID id, @RequestParam(name = "format", required = false) String format,
			Principal principal) {
		Report report = this.reports.request(id, format, this.organised.organiser(principal));
		return "redirect:/reports/" + report.id();
	}

	@GetMapping("/reports/{id}")
	String progress(@PathVariable UUID id, Principal principal, Model model) {
		Report report = this.reports.find(id, this.organised.organiser(principal))
			.orElseThrow(ProblemException::notFound);
		model.addAttribute("report", ReportView.of(report));
		return "report-progress";
	}

}
