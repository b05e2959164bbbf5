package org.parley.web.system;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.util.WebUtils;

/**
 * An upload over the limit fails while the body is parsed, before any controller is
 * chosen, so no controller advice sees it. This answers FILE_TOO_LARGE for the API, and
 * sends a page to the error page, marking the failure so that the error dispatch does not
 * parse the body a second time (and fail again, with an empty answer).
 */
@Component
class UploadLimit implements HandlerExceptionResolver, Ordered {

	private static final Logger log = LoggerFactory.getLogger(UploadLimit.class);

	private final ProblemTexts texts;

	UploadLimit(ProblemTexts texts) {
		this.texts = texts;
	}

	@Override
	public ModelAndView resolveException(HttpServletRequest request, HttpServletResponse response, Object handler,
			Exception ex) {
		if (!(ex instanceof MaxUploadSizeExceededException)) {
			return null;
		}
		try {
			if (ProblemResponses.isApi(request)) {
				ProblemResponses.write(response, this.texts.localise(ApiProblems.tooLarge(), request));
			}
			else {
				request.setAttribute(WebUtils.ERROR_EXCEPTION_ATTRIBUTE, ex);
				response.sendError(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
			}
		}
		catch (IOException gone) {
			// The client has gone: there is no one left to answer.
			log.debug("Could not answer a refused upload: {}", gone.getMessage());
		}
		return new ModelAndView();
	}

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE;
	}

}
