package org.parley.web.live;

import java.io.IOException;
import java.security.Principal;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.parley.web.discussion.DiscussionAccess;
import org.parley.web.system.ProblemException;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/discussions/{id}/events}: the live stream, for everyone who may read
 * the discussion. A browser reconnecting sends {@code Last-Event-ID}; a page starts from
 * the event it was rendered at, {@code ?lastEventId=}, since EventSource cannot set the
 * header itself.
 */
@RestController
class LiveController {

	private final DiscussionAccess access;

	private final DiscussionStreams streams;

	LiveController(DiscussionAccess access, DiscussionStreams streams) {
		this.access = access;
		this.streams = streams;
	}

	@GetMapping("/api/discussions/{id}/events")
	void events(@PathVariable UUID id, @RequestHeader(name = "Last-Event-ID", required = false) String lastEventId,
			@RequestParam(name = "lastEventId", required = false) String since, Principal principal,
			HttpServletRequest request, HttpServletResponse response) throws IOException {
		this.access.readable(id, principal).orElseThrow(ProblemException::notFound);
		this.streams.open(id, position((lastEventId != null) ? lastEventId : since), request, response);
	}

	private static Long position(String id) {
		if (id == null || id.isBlank()) {
			return null;
		}
		try {
			long position = Long.parseLong(id.strip());
			if (position >= 0) {
				return position;
			}
		}
		catch (NumberFormatException ex) {
			// refused below
		}
		throw new ProblemException(HttpStatus.BAD_REQUEST, "INVALID_EVENT_ID", "Invalid event id",
				"The last event id is the number of an event this stream sent.");
	}

}
