package org.parley.web.system;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;

/**
 * Writes a problem where no message converter runs: in the security filters and the
 * container's error dispatch. Its members are Parley's own constant texts, escaped all
 * the same.
 */
final class ProblemResponses {

	private ProblemResponses() {
	}

	static boolean isApi(HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		return path.startsWith("/api/") || path.startsWith("/actuator/") || path.startsWith("/v3/api-docs");
	}

	static void write(HttpServletResponse response, ProblemDetail problem) throws IOException {
		response.setStatus(problem.getStatus());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.setCharacterEncoding(StandardCharsets.UTF_8.name());
		response.getWriter().write(json(problem));
		response.getWriter().flush();
	}

	static String json(ProblemDetail problem) {
		StringBuilder json = new StringBuilder("{");
		json.append("\"type\":").append(string(String.valueOf(problem.getType())));
		json.append(",\"title\":").append(string(problem.getTitle()));
		json.append(",\"status\":").append(problem.getStatus());
		json.append(",\"detail\":").append(string(problem.getDetail()));
		Object code = (problem.getProperties() != null) ? problem.getProperties().get("code") : null;
		json.append(",\"code\":").append(string((code != null) ? code.toString() : null));
		return json.append('}').toString();
	}

	private static String string(String text) {
		if (text == null) {
			return "null";
		}
		StringBuilder quoted = new StringBuilder("\"");
		for (char c : text.toCharArray()) {
			switch (c) {
				case '"' -> quoted.append("\\\"");
				case '\\' -> quoted.append("\\\\");
				case '<' -> quoted.append("\\u003c");
				default -> {
					if (c < 0x20) {
						quoted.append(String.format("\\u%04x", (int) c));
					}
					else {
						quoted.append(c);
					}
				}
			}
		}
		return quoted.append('"').toString();
	}

}
