package org.parley.web.system;

import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/**
 * Refusals from page controllers as a page a person can read; an {@code /api/} path
 * handled by a page controller still answers problem+json.
 */
@ControllerAdvice(annotations = Controller.class)
@Order(Ordered.LOWEST_PRECEDENCE)
class PageProblems {

	private final MessageSource messages;

	PageProblems(MessageSource messages) {
		this.messages = messages;
	}

	@ExceptionHandler(ProblemException.class)
	Object problem(ProblemException ex, HttpServletRequest request, Locale locale) {
		HttpStatusCode status = HttpStatusCode.valueOf(ex.problem().getStatus());
		if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
			request.setAttribute(LocalisedProblems.ARGUMENTS, ex.arguments());
			return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(ex.problem());
		}
		ModelAndView page = new ModelAndView("problem");
		page.setStatus(status);
		page.addObject("problem", ex.problemFor(this.messages, locale));
		return page;
	}

}
