package org.parley.web.account;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Stands in front of the sign-in filters (form login on {@code POST /login}, HTTP Basic
 * anywhere): an attempt the {@link LoginThrottle} refuses, or one that finds every
 * password check busy, answers 429 {@code TOO_MANY_ATTEMPTS} with {@code Retry-After}
 * before any bcrypt runs; an admitted one is counted as right or wrong by whether the
 * request ended up signed in as that account.
 */
public class LoginThrottleFilter extends OncePerRequestFilter {

	static final String CODE = "TOO_MANY_ATTEMPTS";

	private static final String PROBLEM = """
			{"type":"https://parley.example/problems/too-many-attempts","title":"Too many sign-in attempts",\
			"status":429,"detail":"There were too many sign-in attempts. Please wait a few minutes, then try again.",\
			"code":"TOO_MANY_ATTEMPTS"}""";

	private final LoginThrottle throttle;

	public LoginThrottleFilter(LoginThrottle throttle) {
		this.throttle = throttle;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String account = attemptedAccount(request);
		if (account == null) {
			chain.doFilter(request, response);
			return;
		}
		LoginThrottle.Attempt attempt = this.throttle.begin(account, request.getRemoteAddr());
		if (attempt.isRefused()) {
			refuse(response, attempt.retryAfter());
			return;
		}
		Pending pending = new Pending(this.throttle, attempt, account);
		request.setAttribute(Pending.ATTRIBUTE, pending);
		try {
			chain.doFilter(request, response);
		}
		catch (PasswordChecksBusy ex) {
			pending.abandon();
			if (!response.isCommitted()) {
				refuse(response, Duration.ofSeconds(1));
			}
		}
		finally {
			pending.finish();
		}
	}

	/**
	 * The filter to place right after the HTTP Basic filter: a request that gets past it
	 * has had its password checked, so the attempt ends there and does not count as in
	 * flight while a long download runs.
	 */
	public OncePerRequestFilter outcome() {
		return new OncePerRequestFilter() {

			@Override
			protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
					throws ServletException, IOException {
				if (request.getAttribute(Pending.ATTRIBUTE) instanceof Pending pending) {
					pending.finish();
				}
				chain.doFilter(request, response);
			}

		};
	}

	/** The account a request tries to sign in as, or null when it tries none. */
	static String attemptedAccount(HttpServletRequest request) {
		String header = request.getHeader(HttpHeaders.AUTHORIZATION);
		if (header != null && header.regionMatches(true, 0, "Basic ", 0, 6)) {
			String decoded;
			try {
				decoded = new String(Base64.getDecoder().decode(header.substring(6).strip()), StandardCharsets.UTF_8);
			}
			catch (IllegalArgumentException ex) {
				return null; // the Basic filter refuses it without a password check
			}
			int colon = decoded.indexOf(':');
			return (colon > 0) ? decoded.substring(0, colon) : null;
		}
		if ("POST".equals(request.getMethod())
				&& (request.getContextPath() + "/login").equals(request.getRequestURI())) {
			String username = request.getParameter("username");
			return (username != null && !username.isBlank()) ? username : null;
		}
		return null;
	}

	/** An admitted attempt, ended once: by the password check's outcome or abandoned. */
	private static final class Pending {

		static final String ATTRIBUTE = Pending.class.getName();

		private final LoginThrottle throttle;

		private final LoginThrottle.Attempt attempt;

		private final String account;

		private boolean ended;

		Pending(LoginThrottle throttle, LoginThrottle.Attempt attempt, String account) {
			this.throttle = throttle;
			this.attempt = attempt;
			this.account = account;
		}

		void finish() {
			if (!this.ended) {
				this.ended = true;
				this.throttle.finish(this.attempt, isSignedInAs(this.account));
			}
		}

		void abandon() {
			if (!this.ended) {
				this.ended = true;
				this.throttle.abandon(this.attempt);
			}
		}

	}

	private static boolean isSignedInAs(String account) {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		return authentication != null && authentication.isAuthenticated()
				&& !(authentication instanceof AnonymousAuthenticationToken)
				&& authentication.getName().equalsIgnoreCase(account.strip());
	}

	private static void refuse(HttpServletResponse response, Duration retryAfter) throws IOException {
		response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
		response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, retryAfter.toSeconds() + 1)));
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.setCharacterEncoding(StandardCharsets.UTF_8.name());
		response.getWriter().write(PROBLEM);
	}

}
