package org.parley.web.system;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Errors of the JSON API as problem+json with a stable code and a sentence an organiser
 * understands. Exception messages never reach the client.
 */
@RestControllerAdvice(annotations = RestController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiProblems {

	private static final Logger log = LoggerFactory.getLogger(ApiProblems.class);

	@ExceptionHandler(ProblemException.class)
	ProblemDetail problem(ProblemException ex) {
		return ex.problem();
	}

	@ExceptionHandler(MaxUploadSizeExceededException.class)
	ProblemDetail tooLarge(MaxUploadSizeExceededException ex) {
		return ProblemCodes.problem(HttpStatus.CONTENT_TOO_LARGE, "FILE_TOO_LARGE", "File too large",
				"This file is larger than Parley accepts. Please upload a smaller file.");
	}

	@ExceptionHandler(MultipartException.class)
	ProblemDetail badUpload(MultipartException ex) {
		log.info("Rejected a malformed upload: {}", ex.getMessage());
		return ProblemCodes.problem(HttpStatus.BAD_REQUEST, "BAD_UPLOAD", "Upload not understood",
				"The upload could not be read. Please choose the file again and retry.");
	}

	@ExceptionHandler(HttpMessageNotReadableException.class)
	ProblemDetail unreadable(HttpMessageNotReadableException ex) {
		return ProblemCodes.problem(HttpStatus.BAD_REQUEST, "INVALID_REQUEST", "Request not understood",
				"The request body is not what this call expects. Please check the field names and values.");
	}

	@ExceptionHandler(MethodArgumentTypeMismatchException.class)
	ProblemDetail wrongType(MethodArgumentTypeMismatchException ex) {
		return ProblemCodes.problem(HttpStatus.NOT_FOUND, "NOT_FOUND", "Not found", "There is nothing here.");
	}

	@ExceptionHandler(NoResourceFoundException.class)
	ProblemDetail notFound(NoResourceFoundException ex) {
		return ProblemCodes.problem(HttpStatus.NOT_FOUND, "NOT_FOUND", "Not found", "There is nothing here.");
	}

}
