package org.parley.web.system;

import java.io.IOException;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.csrf.InvalidCsrfTokenException;
import org.springframework.security.web.csrf.MissingCsrfTokenException;

/**
 * Spring Security's refusals in Parley's problem format: 401 UNAUTHENTICATED for the API
 * (pages still redirect to the login page), and 403 with CSRF_TOKEN_MISSING,
 * CSRF_TOKEN_INVALID or FORBIDDEN. A page's 403 goes to the container's error page, which
 * {@link ErrorProblems} renders.
 */
final class SecurityProblems implements AuthenticationEntryPoint, AccessDeniedHandler {

	private final ProblemTexts texts;

	SecurityProblems(ProblemTexts texts) {
		this.texts = texts;
	}

	@Override
	public void commence(HttpServletRequest request, HttpServletResponse response,
			AuthenticationException authException) throws IOException {
		if (SessionUnlessBasic.BASIC.matches(request)) {
			// Credentials were given and refused: say which scheme to retry with.
			response.setHeader("WWW-Authenticate", "Basic realm=\"Parley\"");
		}
		ProblemResponses.write(response, this.texts.localise(unauthenticated(), request));
	}

	@Override
	public void handle(HttpServletRequest request, HttpServletResponse response,
			AccessDeniedException accessDeniedException) throws IOException, ServletException {
		if (!ProblemResponses.isApi(request)) {
			request.setAttribute(ErrorProblems.CODE_ATTRIBUTE, code(accessDeniedException));
			response.sendError(HttpServletResponse.SC_FORBIDDEN);
			return;
		}
		ProblemResponses.write(response, this.texts.localise(forbidden(code(accessDeniedException)), request));
	}

	static ProblemDetail unauthenticated() {
		return ProblemCodes.problem(HttpStatus.UNAUTHORIZED, "UNAUTHENTICATED", "Sign in first",
				"This needs you to be signed in. Please sign in and try again.");
	}

	static ProblemDetail forbidden(String code) {
		return switch (code) {
			case "CSRF_TOKEN_MISSING" -> ProblemCodes.problem(HttpStatus.FORBIDDEN, "CSRF_TOKEN_MISSING",
					"Security token missing",
					"The request lacks its security token (the X-XSRF-TOKEN header). Please reload the page and try again.");
			case "CSRF_TOKEN_INVALID" -> ProblemCodes.problem(HttpStatus.FORBIDDEN, "CSRF_TOKEN_INVALID",
					"Security token not valid",
					"The request's security token does not match this session. Please reload the page and try again.");
			default -> ProblemCodes.problem(HttpStatus.FORBIDDEN, "FORBIDDEN", "Not allowed", "You may not do this.");
		};
	}

	static String code(AccessDeniedException ex) {
		if (ex instanceof MissingCsrfTokenException) {
			return "CSRF_TOKEN_MISSING";
		}
		if (ex instanceof InvalidCsrfTokenException) {
			return "CSRF_TOKEN_INVALID";
		}
		return "FORBIDDEN";
	}

}
