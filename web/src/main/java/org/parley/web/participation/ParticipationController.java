package org.parley.web.participation;

import java.net.URI;
import java.security.Principal;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

import org.parley.domain.participation.CommentState;
import org.parley.web.participation.Participation.CommentOrder;
import org.parley.web.participation.Participation.ParagraphRef;
import org.parley.web.revision.Revisions;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The participation calls of the API: votes, comments, replies, comment votes, flags,
 * moderation, stats.
 */
@RestController
@RequestMapping("/api")
class ParticipationController {

	private final Participation participation;

	private final Revisions revisions;

	ParticipationController(Participation participation, Revisions revisions) {
		this.participation = participation;
		this.revisions = revisions;
	}

	/** The live outline, or with {@code revision} that revision's text alone. */
	@GetMapping("/discussions/{id}/sections")
	List<SectionView> sections(@PathVariable UUID id, @RequestParam(required = false) Integer revision,
			Principal principal) {
		if (revision != null) {
			return this.revisions.outline(id, revision, principal).stream().map(SectionView::outline).toList();
		}
		return this.participation.sections(id, principal);
	}

	@GetMapping("/discussions/{id}/removed-sections")
	List<RemovedSectionView> removedSections(@PathVariable UUID id, Principal principal) {
		return this.participation.removedSections(id, principal);
	}

	@PutMapping("/discussions/{id}/sections/{number}/vote")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void vote(@PathVariable UUID id, @PathVariable int number, @RequestBody SectionVote vote, Principal principal) {
		this.participation.vote(id, number, vote.agrees(), principal);
	}

	@DeleteMapping("/discussions/{id}/sections/{number}/vote")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void withdraw(@PathVariable UUID id, @PathVariable int number, Principal principal) {
		this.participation.withdrawVote(id, number, principal);
	}

	@GetMapping("/discussions/{id}/sections/{number}/comments")
	List<CommentView> comments(@PathVariable UUID id, @PathVariable int number,
			@RequestParam(defaultValue = "OLDEST") CommentOrder sort, Principal principal) {
		return this.participation.thread(id, number, sort, principal);
	}

	@PostMapping("/discussions/{id}/sections/{number}/comments")
	ResponseEntity<CommentView> comment(@PathVariable UUID id, @PathVariable int number,
			@RequestBody NewComment comment, Principal principal) {
		CommentView created = this.participation.comment(id, number, comment.text(),
				new ParagraphRef(comment.paragraphId(), comment.paragraphNumber()), comment.quote(), principal);
		return ResponseEntity.created(URI.create("/api/comments/" + created.id())).body(created);
	}

	@PostMapping("/comments/{id}/replies")
	ResponseEntity<CommentView> reply(@PathVariable UUID id, @RequestBody NewComment reply, Principal principal) {
		CommentView created = this.participation.reply(id, reply.text(), principal);
		return ResponseEntity.created(URI.create("/api/comments/" + created.id())).body(created);
	}

	@PutMapping("/comments/{id}/vote")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void voteOnComment(@PathVariable UUID id, @RequestBody CommentVote vote, Principal principal) {
		this.participation.voteOnComment(id, vote.up(), principal);
	}

	@PostMapping("/comments/{id}/flags")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void flag(@PathVariable UUID id, Principal principal) {
		this.participation.flag(id, principal);
	}

	@PutMapping("/comments/{id}/state")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void moderate(@PathVariable UUID id, @Valid @RequestBody Moderation moderation, Principal principal) {
		this.participation.moderate(id, moderation.state(), principal);
	}

	@GetMapping("/discussions/{id}/stats")
	StatisticsView stats(@PathVariable UUID id, Principal principal) {
		return this.participation.statistics(id, principal);
	}

	/** {@code {"value": "AGREE" | "DISAGREE"}} */
	record SectionVote(Value value) {

		enum Value {

			AGREE, DISAGREE

		}

		boolean agrees() {
			if (this.value == null) {
				throw new org.parley.web.system.ProblemException(HttpStatus.BAD_REQUEST, "INVALID_VOTE", "Invalid vote",
						"A vote is AGREE or DISAGREE.");
			}
			return this.value == Value.AGREE;
		}

	}

	/** {@code {"value": "UP" | "DOWN"}} */
	record CommentVote(Value value) {

		enum Value {

			UP, DOWN

		}

		boolean up() {
			if (this.value == null) {
				throw new org.parley.web.system.ProblemException(HttpStatus.BAD_REQUEST, "INVALID_VOTE", "Invalid vote",
						"A comment vote is UP or DOWN.");
			}
			return this.value == Value.UP;
		}

	}

	/**
	 * {@code {"text", "paragraphNumber"?, "paragraphId"?, "quote"?}}: the paragraph by
	 * its running number in the section, or by its stable id.
	 */
	record NewComment(String text, Integer paragraphNumber, UUID paragraphId, String quote) {
	}

	/** {@code {"state": "PUBLISHED" | "HIDDEN"}}: approve, unhide or hide. */
	record Moderation(@NotNull CommentState state) {
	}

}
