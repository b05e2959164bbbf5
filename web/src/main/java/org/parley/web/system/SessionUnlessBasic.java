package org.parley.web.system;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.context.DeferredSecurityContext;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.web.context.DelegatingSecurityContextRepository;
import org.springframework.security.web.context.HttpRequestResponseHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Where the security context lives: in the session for browsers, but never for a request
 * with HTTP Basic credentials. Such a request is authenticated by its credentials alone,
 * never by a session cookie that came along, so skipping CSRF for it is safe: it cannot
 * be forged by another site.
 */
final class SessionUnlessBasic implements SecurityContextRepository {

	/** An Authorization header with the Basic scheme. */
	static final RequestMatcher BASIC = request -> {
		String header = request.getHeader("Authorization");
		return header != null && header.regionMatches(true, 0, "Basic ", 0, 6);
	};

	private final SecurityContextRepository perRequest = new RequestAttributeSecurityContextRepository();

	private final SecurityContextRepository browser = new DelegatingSecurityContextRepository(this.perRequest,
			new HttpSessionSecurityContextRepository());

	@Override
	@Deprecated
	public SecurityContext loadContext(HttpRequestResponseHolder holder) {
		return repository(holder.getRequest()).loadContext(holder);
	}

	@Override
	public DeferredSecurityContext loadDeferredContext(HttpServletRequest request) {
		return repository(request).loadDeferredContext(request);
	}

	@Override
	public void saveContext(SecurityContext context, HttpServletRequest request, HttpServletResponse response) {
		repository(request).saveContext(context, request, response);
	}

	@Override
	public boolean containsContext(HttpServletRequest request) {
		return repository(request).containsContext(request);
	}

	private SecurityContextRepository repository(HttpServletRequest request) {
		return BASIC.matches(request) ? this.perRequest : this.browser;
	}

}
