package org.parley.web.system;

import jakarta.servlet.DispatcherType;

import org.parley.domain.organiser.OrganiserRepository;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfTokenRequestAttributeHandler;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Organisers sign in with a form and a session (CSRF by the XSRF-TOKEN cookie
 * convention), or with HTTP Basic on {@code /api/**} for scripts. A request with Basic
 * credentials is authenticated by them alone, never by its session
 * ({@link SessionUnlessBasic}), so it cannot be forged by another site and needs no CSRF
 * token; any other Authorization header changes nothing. Refusals answer problem+json
 * ({@link SecurityProblems}); pages still redirect to the login page.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	/** The API, the actuator and the OpenAPI description: refusals there are problems. */
	static final RequestMatcher MACHINE = ProblemResponses::isApi;

	/**
	 * RFC 8058 one-click unsubscribe: the mail provider posts without a session or token.
	 * The secret is the random token in the path, so a forged request can only
	 * unsubscribe its owner.
	 */
	static final RequestMatcher UNSUBSCRIBE = request -> request.getRequestURI()
		.startsWith(request.getContextPath() + "/unsubscribe/");

	@Bean
	SecurityFilterChain security(HttpSecurity http, SignInGuard signIn) throws Exception {
		CsrfTokenRequestAttributeHandler csrfHandler = new CsrfTokenRequestAttributeHandler();
		csrfHandler.setCsrfRequestAttributeName(null); // load the token eagerly so the
														// cookie is always set
		http.authorizeHttpRequests(
				authorize -> authorize.dispatcherTypeMatchers(DispatcherType.ASYNC, DispatcherType.ERROR)
					.permitAll()
					.requestMatchers("/", "/login", "/css/**", "/js/**", "/favicon.ico", "/error")
					.permitAll()
					.requestMatchers("/unsubscribe/**", "/invitations/**")
					.permitAll()
					// A new organiser's one-time set-up link: its signed token is the
					// key.
					.requestMatchers("/organiser-setup/**")
					.permitAll()
					.requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info")
					.permitAll()
					// Metrics, the API description and the caught mail of
					// standalone mode (every magic link) are for organisers only.
					.requestMatchers("/actuator/**", "/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html",
							"/swagger-ui/**", "/dev/mailbox", "/api/dev/mailbox")
					.hasRole("ORGANISER")
					// Before the pages of a discussion, which anyone may read: its invite
					// page is an
					// organiser's (batch pages need a sign-in as every other request
					// does).
					.requestMatchers(org.springframework.http.HttpMethod.GET, "/discussions/*/invitations")
					.authenticated()
					// The outcome's organiser reads: the moderation queue and the
					// near-duplicate groups.
					.requestMatchers(org.springframework.http.HttpMethod.GET, "/discussions/*/moderation",
							"/api/discussions/*/moderation", "/api/discussions/*/comment-groups")
					.authenticated()
					.requestMatchers(org.springframework.http.HttpMethod.GET, "/discussions/**", "/api/discussions/**",
							"/sign-in/**")
					.permitAll()
					.requestMatchers(org.springframework.http.HttpMethod.POST, "/api/sign-in-links", "/sign-in/*")
					.permitAll()
					.requestMatchers(org.springframework.http.HttpMethod.HEAD, "/sign-in/*")
					.permitAll()
					.anyRequest()
					.authenticated())
			.csrf(csrf -> csrf.csrfTokenRepository(CookieCsrfTokenRepository.withHttpOnlyFalse())
				.csrfTokenRequestHandler(csrfHandler)
				.ignoringRequestMatchers(SessionUnlessBasic.BASIC, UNSUBSCRIBE))
			.securityContext(context -> context.securityContextRepository(new SessionUnlessBasic()))
			// Throttled sign-in: refused attempts never reach a password check.
			.addFilterBefore(signIn.beforeFormLogin(), UsernamePasswordAuthenticationFilter.class)
			.addFilterAfter(signIn.afterBasic(), BasicAuthenticationFilter.class)
			.httpBasic(basic -> basic.authenticationEntryPoint(new SecurityProblems()))
			.formLogin(form -> form.loginPage("/login").permitAll())
			.logout(logout -> logout.logoutSuccessUrl("/"))
			.exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(signInFirst())
				.accessDeniedHandler(new SecurityProblems()))
			.headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(
					"default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; frame-ancestors 'none'; "
							+ "form-action 'self'; base-uri 'self'; object-src 'none'"))
				.referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN))
				.permissionsPolicyHeader(permissions -> permissions
					.policy("camera=(), microphone=(), geolocation=(), payment=(), usb=()")));
		return http.build();
	}

	/** The API answers a problem; a page goes to the login page, whatever it accepts. */
	private static AuthenticationEntryPoint signInFirst() {
		AuthenticationEntryPoint problem = new SecurityProblems();
		AuthenticationEntryPoint login = new LoginUrlAuthenticationEntryPoint("/login");
		return (request, response, exception) -> (MACHINE.matches(request) ? problem : login).commence(request,
				response, exception);
	}

	@Bean
	UserDetailsService organisers(OrganiserRepository organisers) {
		return email -> organisers.findByEmail(email)
			.map(o -> User.withUsername(o.email()).password(o.passwordHash()).roles("ORGANISER").build())
			.orElseThrow(() -> new UsernameNotFoundException("No organiser with that email"));
	}

}
