package org.parley.web.system;

import jakarta.servlet.DispatcherType;

import org.parley.domain.organiser.OrganiserRepository;
import org.parley.web.account.LoginThrottle;
import org.parley.web.account.LoginThrottleFilter;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfTokenRequestAttributeHandler;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Organisers sign in with a form and a session (CSRF by the XSRF-TOKEN cookie
 * convention), or with HTTP Basic on {@code /api/**} for scripts. A request that carries
 * its own credentials in the Authorization header cannot be forged by another site, so it
 * needs no CSRF token.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	static final RequestMatcher API = request -> request.getRequestURI().startsWith(request.getContextPath() + "/api/");

	static final RequestMatcher CARRIES_CREDENTIALS = request -> request.getHeader("Authorization") != null;

	/**
	 * RFC 8058 one-click unsubscribe: the mail provider posts without a session or token.
	 * The secret is the random token in the path, so a forged request can only
	 * unsubscribe its owner.
	 */
	static final RequestMatcher UNSUBSCRIBE = request -> request.getRequestURI()
		.startsWith(request.getContextPath() + "/unsubscribe/");

	@Bean
	SecurityFilterChain security(HttpSecurity http, LoginThrottle loginThrottle) throws Exception {
		LoginThrottleFilter throttle = new LoginThrottleFilter(loginThrottle);
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
					.requestMatchers("/actuator/health/**", "/actuator/info", "/actuator/prometheus")
					.permitAll()
					.requestMatchers("/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**")
					.permitAll()
					// Before the pages of a discussion, which anyone may read: its invite
					// page is an
					// organiser's (batch pages need a sign-in as every other request
					// does).
					.requestMatchers(org.springframework.http.HttpMethod.GET, "/discussions/*/invitations")
					.authenticated()
					.requestMatchers(org.springframework.http.HttpMethod.GET, "/discussions/**", "/api/discussions/**",
							"/sign-in/**")
					.permitAll()
					.requestMatchers(org.springframework.http.HttpMethod.POST, "/api/sign-in-links")
					.permitAll()
					.anyRequest()
					.authenticated())
			.csrf(csrf -> csrf.csrfTokenRepository(CookieCsrfTokenRepository.withHttpOnlyFalse())
				.csrfTokenRequestHandler(csrfHandler)
				.ignoringRequestMatchers(CARRIES_CREDENTIALS, UNSUBSCRIBE))
			// Throttled sign-in: refused attempts never reach a password check.
			.addFilterBefore(throttle, UsernamePasswordAuthenticationFilter.class)
			.addFilterAfter(throttle.outcome(), BasicAuthenticationFilter.class)
			.httpBasic(Customizer.withDefaults())
			.formLogin(form -> form.loginPage("/login").permitAll())
			.logout(logout -> logout.logoutSuccessUrl("/"))
			.exceptionHandling(exceptions -> exceptions
				.defaultAuthenticationEntryPointFor(new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED), API))
			.headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(
					"default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; frame-ancestors 'none'")));
		return http.build();
	}

	@Bean
	UserDetailsService organisers(OrganiserRepository organisers) {
		return email -> organisers.findByEmail(email)
			.map(o -> User.withUsername(o.email()).password(o.passwordHash()).roles("ORGANISER").build())
			.orElseThrow(() -> new UsernameNotFoundException("No organiser with that email"));
	}

}
