package org.parley.web.system;

import java.io.IOException;
import java.util.Locale;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;

/**
 * The container's error page ({@code /error}): whatever the servlet container, a filter
 * or Spring MVC's default resolver refused (an upload Tomcat found too large, a path
 * nothing serves, an exception no handler caught) answers in Parley's format, with a
 * stable code: problem+json for the API, the problem page for people. Exception messages
 * never reach the client.
 */
@Controller
class ErrorProblems implements ErrorController {

	/** A request attribute where a refusal names its code for the page. */
	static final String CODE_ATTRIBUTE = ErrorProblems.class.getName() + ".code";

	private final ProblemTexts texts;

	ErrorProblems(ProblemTexts texts) {
		this.texts = texts;
	}

	@RequestMapping("/error")
	ModelAndView error(HttpServletRequest request, HttpServletResponse response, Locale locale) throws IOException {
		ProblemDetail problem = problem(request);
		String original = (String) request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
		boolean api = (original != null)
				? original.startsWith(request.getContextPath() + "/api/")
						|| original.startsWith(request.getContextPath() + "/actuator/")
						|| original.startsWith(request.getContextPath() + "/v3/api-docs")
				: ProblemResponses.isApi(request);
		if (api) {
			ProblemResponses.write(response, this.texts.localise(problem, locale));
			return null;
		}
		ModelAndView page = new ModelAndView("problem");
		page.setStatus(HttpStatus.valueOf(problem.getStatus()));
		page.addObject("problem", this.texts.localise(problem, locale));
		return page;
	}

	static ProblemDetail problem(HttpServletRequest request) {
		Object attribute = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
		int status = (attribute instanceof Integer code) ? code : 500;
		if (status == HttpServletResponse.SC_FORBIDDEN && request.getAttribute(CODE_ATTRIBUTE) instanceof String code) {
			return SecurityProblems.forbidden(code);
		}
		return ApiProblems.forStatus(HttpStatus.resolve(status));
	}

}
