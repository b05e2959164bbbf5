package org.parley.web.system;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Hands every page who runs this Parley, for its header and footer: a request attribute,
 * so that the pages an exception handler renders have it too.
 */
@Configuration(proxyBeanMethods = false)
class SitePages implements WebMvcConfigurer {

	private final SiteSettings site;

	SitePages(SiteSettings site) {
		this.site = site;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(new HandlerInterceptor() {
			@Override
			public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
				request.setAttribute("site", SitePages.this.site);
				return true;
			}
		}).excludePathPatterns("/css/**", "/js/**", "/img/**", "/api/**", "/actuator/**");
	}

}
