package org.parley.web.system;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Errors of the JSON API as problem+json with a stable code and a sentence an organiser
 * understands. Every exception Spring MVC itself raises (a body that cannot be read, a
 * field that fails validation, a missing parameter, a wrong method or media type, an
 * upload over the limit) goes through {@link #handleExceptionInternal} and gets its code
 * there; what escapes even that reaches {@link ErrorProblems}. Exception messages never
 * reach the client.
 */
@RestControllerAdvice(annotations = RestController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiProblems extends ResponseEntityExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(ApiProblems.class);

	@ExceptionHandler(ProblemException.class)
	ProblemDetail problem(ProblemException ex, HttpServletRequest request) {
		request.setAttribute(LocalisedProblems.ARGUMENTS, ex.arguments());
		return ex.problem();
	}

	@ExceptionHandler(MultipartException.class)
	ProblemDetail badUpload(MultipartException ex) {
		log.info("Rejected a malformed upload: {}", ex.getMessage());
		return ProblemCodes.problem(HttpStatus.BAD_REQUEST, "BAD_UPLOAD", "Upload not understood",
				"The upload could not be read. Please choose the file again and retry.");
	}

	/**
	 * An export that broke after its first bytes went out cannot become a problem
	 * response any more. Handing the failure on to the servlet container makes it close
	 * the connection without the last chunk, so the client sees a broken transfer instead
	 * of a short file that looks whole; a problem written now would land inside the file.
	 */
	@ExceptionHandler(ExportBrokeOff.class)
	ResponseEntity<ProblemDetail> exportBrokeOff(ExportBrokeOff ex, HttpServletResponse response) {
		if (response.isCommitted()) {
			throw ex;
		}
		response.reset();
		return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.body(ProblemCodes.problem(HttpStatus.SERVICE_UNAVAILABLE, "EXPORT_FAILED", "Export failed",
					"The export could not be made just now. Please try again in a moment."));
	}

	@ExceptionHandler(MethodArgumentTypeMismatchException.class)
	ProblemDetail wrongType(MethodArgumentTypeMismatchException ex) {
		// A path id that is no id names nothing; a query parameter of the wrong type is a
		// bad request.
		if (ex.getParameter().hasParameterAnnotation(PathVariable.class)) {
			return ProblemCodes.problem(HttpStatus.NOT_FOUND, "NOT_FOUND", "Not found", "There is nothing here.");
		}
		return forStatus(HttpStatus.BAD_REQUEST);
	}

	@Override
	protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
			HttpStatusCode statusCode, WebRequest request) {
		ProblemDetail problem = (ex instanceof MaxUploadSizeExceededException) ? tooLarge()
				: forStatus(HttpStatus.resolve(statusCode.value()));
		if (statusCode.is5xxServerError()) {
			log.warn("Request failed: {}", ex.toString());
		}
		return super.handleExceptionInternal(ex, problem, headers, statusCode, request);
	}

	static ProblemDetail tooLarge() {
		return ProblemCodes.problem(HttpStatus.CONTENT_TOO_LARGE, "FILE_TOO_LARGE", "File too large",
				"This file is larger than Parley accepts. Please upload a smaller file.");
	}

	/** The problem for a refusal that only its status describes. */
	static ProblemDetail forStatus(HttpStatus status) {
		if (status == null) {
			status = HttpStatus.INTERNAL_SERVER_ERROR;
		}
		return switch (status) {
			case BAD_REQUEST -> ProblemCodes.problem(status, "INVALID_REQUEST", "Request not understood",
					"The request is not what this call expects. Please check the field names and values.");
			case UNAUTHORIZED -> SecurityProblems.unauthenticated();
			case FORBIDDEN -> SecurityProblems.forbidden("FORBIDDEN");
			case NOT_FOUND -> ProblemCodes.problem(status, "NOT_FOUND", "Not found", "There is nothing here.");
			case METHOD_NOT_ALLOWED -> ProblemCodes.problem(status, "METHOD_NOT_ALLOWED", "Not possible here",
					"This address does not take this kind of request.");
			case NOT_ACCEPTABLE -> ProblemCodes.problem(status, "NOT_ACCEPTABLE", "Format not available",
					"This address cannot answer in the format the request asks for.");
			case CONTENT_TOO_LARGE -> tooLarge();
			case UNSUPPORTED_MEDIA_TYPE -> ProblemCodes.problem(status, "UNSUPPORTED_MEDIA_TYPE", "Format not accepted",
					"This call does not take a body of this type. Please send JSON.");
			case TOO_MANY_REQUESTS -> ProblemCodes.problem(status, "RATE_LIMITED", "Too many requests",
					"Too many requests came in a short time. Please wait a little and try again.");
			case SERVICE_UNAVAILABLE -> ProblemCodes.problem(status, "UNAVAILABLE", "Not available just now",
					"Parley cannot answer this just now. Please try again in a few minutes.");
			default -> status.is4xxClientError()
					? ProblemCodes.problem(status, "REQUEST_REFUSED", "Request refused",
							"Parley cannot do what this request asks.")
					: ProblemCodes.problem(HttpStatus.INTERNAL_SERVER_ERROR, "INTERNAL_ERROR", "Something went wrong",
							"Parley could not answer this request. Please try again later.");
		};
	}

}
