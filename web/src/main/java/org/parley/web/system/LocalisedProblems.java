package org.parley.web.system;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.core.MethodParameter;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyAdvice;

/**
 * Every problem+json that Spring MVC writes, in the reader's language
 * ({@link ProblemTexts}); a {@link ProblemException}'s values come along in a request
 * attribute.
 */
@ControllerAdvice
class LocalisedProblems implements ResponseBodyAdvice<Object> {

	/** Where the handler of a {@link ProblemException} leaves its values. */
	static final String ARGUMENTS = LocalisedProblems.class.getName() + ".arguments";

	private final ProblemTexts texts;

	LocalisedProblems(ProblemTexts texts) {
		this.texts = texts;
	}

	@Override
	public boolean supports(MethodParameter returnType, Class<? extends HttpMessageConverter<?>> converterType) {
		return true;
	}

	@Override
	public Object beforeBodyWrite(Object body, MethodParameter returnType, MediaType selectedContentType,
			Class<? extends HttpMessageConverter<?>> selectedConverterType, ServerHttpRequest request,
			ServerHttpResponse response) {
		if (body instanceof ProblemDetail problem && request instanceof ServletServerHttpRequest servlet) {
			HttpServletRequest http = servlet.getServletRequest();
			Object arguments = http.getAttribute(ARGUMENTS);
			return this.texts.localise(problem, http, (arguments instanceof Object[] values) ? values : new Object[0]);
		}
		return body;
	}

}
