package org.parley.web.outcome;

import java.security.Principal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The outcome calls of the API: answers (one comment, a group, a filtered list), the
 * answers' due date, near-duplicate groups and the moderation queue. All for the
 * discussion's organisers only.
 */
@RestController
@RequestMapping("/api")
class OutcomeController {

	private final Responses responses;

	private final CommentGroups groups;

	private final Moderation moderation;

	OutcomeController(Responses responses, CommentGroups groups, Moderation moderation) {
		this.responses = responses;
		this.groups = groups;
		this.moderation = moderation;
	}

	@PutMapping("/comments/{id}/response")
	ResponseView respond(@PathVariable UUID id, @RequestBody Responses.Answer answer, Principal principal) {
		return this.responses.answer(id, answer, principal);
	}

	@PutMapping("/comment-groups/{id}/response")
	Answered respondToGroup(@PathVariable UUID id, @RequestBody Responses.Answer answer, Principal principal) {
		return new Answered(this.responses.answerGroup(id, answer, principal));
	}

	@PostMapping("/discussions/{id}/responses")
	Answered respondToSelection(@PathVariable UUID id, @RequestBody Responses.BulkAnswer answer, Principal principal) {
		return new Answered(this.responses.answerSelection(id, answer, principal));
	}

	@PutMapping("/discussions/{id}/response-deadline")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void chooseDeadline(@PathVariable UUID id, @RequestBody Deadline deadline, Principal principal) {
		this.responses.chooseDeadline(id, deadline.dueAt(), principal);
	}

	@GetMapping("/discussions/{id}/comment-groups")
	List<CommentGroupView> commentGroups(@PathVariable UUID id, Principal principal) {
		return this.groups.groups(id, principal);
	}

	@GetMapping("/discussions/{id}/moderation")
	ModerationView queue(@PathVariable UUID id, Principal principal) {
		return this.moderation.queue(id, principal);
	}

	@PostMapping("/discussions/{id}/moderation")
	Decided decide(@PathVariable UUID id, @RequestBody Moderation.Decide decide, Principal principal) {
		return new Decided(this.moderation.decide(id, decide, principal));
	}

	/** {@code {"answered": n}}: how many comments the answer went to. */
	record Answered(int answered) {
	}

	/** {@code {"changed": n}} */
	record Decided(int changed) {
	}

	/** {@code {"dueAt": "2026-06-30T17:00:00Z" | null}} */
	record Deadline(OffsetDateTime dueAt) {
	}

}
