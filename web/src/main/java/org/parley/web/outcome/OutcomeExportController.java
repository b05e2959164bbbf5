package org.parley.web.outcome;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;

import org.parley.domain.discussion.Discussion;
import org.parley.domain.discussion.DiscussionRepository;
import org.parley.domain.outcome.CommentRecords;
import org.parley.domain.participation.VoteRepository;
import org.parley.web.system.ExportBrokeOff;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DataAccessException;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Comments and votes for analysts, for the discussion's organisers only. The files are
 * written in the request thread as they are read (architecture.md, "long exports"):
 * {@code ?include=hidden} adds hidden, rejected and waiting comments to the published
 * ones.
 */
@RestController
class OutcomeExportController {

	private static final Logger log = LoggerFactory.getLogger(OutcomeExportController.class);

	private final OrganisedDiscussions organised;

	private final CommentRecords records;

	private final DiscussionRepository discussions;

	private final VoteRepository votes;

	OutcomeExportController(OrganisedDiscussions organised, CommentRecords records, DiscussionRepository discussions,
			VoteRepository votes) {
		this.organised = organised;
		this.records = records;
		this.discussions = discussions;
		this.votes = votes;
	}

	@GetMapping(path = "/api/discussions/{id}/comments.csv", produces = "text/csv")
	void commentsCsv(@PathVariable UUID id, @RequestParam(name = "include", required = false) String include,
			Principal principal, HttpServletResponse response) {
		Discussion discussion = this.organised.require(id, principal);
		boolean hidden = includesHidden(include);
		attachment(response, new MediaType("text", "csv", StandardCharsets.UTF_8).toString(),
				"comments-" + discussion.id() + ".csv");
		export(discussion.id(), response, out -> CommentsCsv.write(this.records, discussion.id(), hidden, out));
	}

	@GetMapping(path = "/api/discussions/{id}/comments.xlsx", produces = CommentsXlsx.MEDIA_TYPE)
	void commentsXlsx(@PathVariable UUID id, @RequestParam(name = "include", required = false) String include,
			Principal principal, HttpServletResponse response) {
		Discussion discussion = this.organised.require(id, principal);
		boolean hidden = includesHidden(include);
		attachment(response, CommentsXlsx.MEDIA_TYPE, "comments-" + discussion.id() + ".xlsx");
		export(discussion.id(), response,
				out -> CommentsXlsx.write(this.records, this.discussions, this.votes, discussion.id(), hidden, out));
	}

	@GetMapping(path = "/api/discussions/{id}/votes.csv", produces = "text/csv")
	void votesCsv(@PathVariable UUID id, Principal principal, HttpServletResponse response) {
		Discussion discussion = this.organised.require(id, principal);
		attachment(response, new MediaType("text", "csv", StandardCharsets.UTF_8).toString(),
				"votes-" + discussion.id() + ".csv");
		export(discussion.id(), response, out -> {
			VotesCsv.write(this.discussions, this.votes, discussion.id(), out);
			return 0;
		});
	}

	private static boolean includesHidden(String include) {
		if (include == null || include.isBlank()) {
			return false;
		}
		if (include.equals("hidden")) {
			return true;
		}
		throw new org.parley.web.system.ProblemException(HttpStatus.BAD_REQUEST, "INCLUDE_INVALID", "Unknown include",
				"The only thing an export can include is \"hidden\".");
	}

	private static void attachment(HttpServletResponse response, String contentType, String fileName) {
		response.setContentType(contentType);
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
				ContentDisposition.attachment().filename(fileName).build().toString());
	}

	/**
	 * A client that leaves ends the export quietly at the next write; a failure on
	 * Parley's side throws {@link ExportBrokeOff}, for {@code ApiProblems}.
	 */
	private static void export(UUID discussionId, HttpServletResponse response, Export export) {
		try {
			OutputStream out = response.getOutputStream();
			export.to(out);
			out.flush();
		}
		catch (IOException | UncheckedIOException ex) {
			log.info("The client left the export of discussion {}", discussionId);
		}
		catch (DataAccessException ex) {
			throw new ExportBrokeOff("The export of discussion " + discussionId + " broke off", ex);
		}
	}

	@FunctionalInterface
	private interface Export {

		long to(OutputStream out) throws IOException;

	}

}
