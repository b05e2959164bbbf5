package org.parley.web.system;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.MDC;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Puts the id a request is about into the log lines written while it is handled, under
 * the same names the workers use ({@code discussionId}, {@code importId},
 * {@code batchId}, {@code deliveryId}, {@code commentId}), so one grep follows a piece of
 * work across processes.
 */
@Configuration(proxyBeanMethods = false)
class WorkIdsInLogs implements WebMvcConfigurer, HandlerInterceptor {

	/**
	 * The first path segment of a mapping, and the name its {@code {id}} has in the logs.
	 */
	private static final Map<String, String> ID_NAMES = Map.of("discussions", "discussionId", "imports", "importId",
			"invitation-batches", "batchId", "comments", "commentId");

	private static final String KEYS = WorkIdsInLogs.class.getName() + ".keys";

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(this);
	}

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
		if (!(request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE) instanceof Map<?, ?> variables)
				|| !(request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE) instanceof String pattern)) {
			return true;
		}
		List<String> keys = new ArrayList<>();
		String[] segments = pattern.replaceFirst("^/(api/)?", "").split("/", 2);
		String idName = ID_NAMES.get(segments[0]);
		if (idName != null && variables.get("id") instanceof String id) {
			MDC.put(idName, id);
			keys.add(idName);
		}
		if (variables.get("deliveryId") instanceof String deliveryId) {
			MDC.put("deliveryId", deliveryId);
			keys.add("deliveryId");
		}
		request.setAttribute(KEYS, keys);
		return true;
	}

	@Override
	public void afterCompletion(HttpServletRequest request, HttpServletResponse response, Object handler,
			Exception ex) {
		if (request.getAttribute(KEYS) instanceof List<?> keys) {
			keys.forEach(key -> MDC.remove((String) key));
		}
	}

}
