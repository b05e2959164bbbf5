package org.parley.web.discussion;

import java.security.Principal;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.parley.domain.discussion.Discussion;
import org.parley.domain.discussion.DiscussionRepository;
import org.parley.domain.discussion.Section;
import org.parley.domain.participation.CommentRepository;
import org.parley.domain.participation.DiscussionStatistics;
import org.parley.domain.participation.VoteCount;
import org.parley.domain.participation.VoteRepository;
import org.parley.web.system.CurrentOrganiser;
import org.parley.web.system.ProblemException;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/discussions}: the discussions a caller may see and their outline. */
@RestController
@RequestMapping("/api/discussions")
class DiscussionController {

	private final DiscussionRepository discussions;

	private final DiscussionAccess access;

	private final CurrentOrganiser organiser;

	private final DiscussionSettings settings;

	private final VoteRepository votes;

	private final CommentRepository comments;

	private final Clock clock;

	DiscussionController(DiscussionRepository discussions, DiscussionAccess access, CurrentOrganiser organiser,
			DiscussionSettings settings, VoteRepository votes, CommentRepository comments, Clock clock) {
		this.discussions = discussions;
		this.votes = votes;
		this.comments = comments;
		this.access = access;
		this.organiser = organiser;
		this.settings = settings;
		this.clock = clock;
	}

	@GetMapping
	List<DiscussionView> list(Principal principal) {
		Map<UUID, Discussion> visible = new LinkedHashMap<>();
		this.organiser.id(principal)
			.ifPresent(o -> this.discussions.findOrganisedBy(o).forEach(d -> visible.put(d.id(), d)));
		this.discussions.findPublished().forEach(d -> visible.putIfAbsent(d.id(), d));
		// Two queries for the figures of every discussion listed, not two per discussion.
		Map<UUID, Map<Integer, VoteCount>> votes = this.votes.countsOf(visible.keySet());
		Map<UUID, Map<Integer, Integer>> comments = this.comments.countsBySectionOf(visible.keySet());
		return visible.values()
			.stream()
			.map(d -> DiscussionView.of(d, this.clock,
					DiscussionStatistics.of(votes.getOrDefault(d.id(), Map.of()),
							comments.getOrDefault(d.id(), Map.of()))))
			.toList();
	}

	@GetMapping("/{id}")
	DiscussionView get(@PathVariable UUID id, Principal principal) {
		return view(readable(id, principal));
	}

	@PatchMapping("/{id}")
	DiscussionView change(@PathVariable UUID id, @RequestBody DiscussionPatch patch, Principal principal) {
		return view(this.settings.change(id, this.organiser.require(principal), patch));
	}

	@DeleteMapping("/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void delete(@PathVariable UUID id, Principal principal) {
		this.settings.deleteDraft(id, this.organiser.require(principal));
	}

	private DiscussionView view(Discussion d) {
		return DiscussionView.of(d, this.clock,
				DiscussionStatistics.of(this.votes.counts(d.id()), this.comments.countsBySection(d.id())));
	}

	@PostMapping("/{id}/outline/edits")
	List<Section> editOutline(@PathVariable UUID id, @RequestBody OutlineEdit edit, Principal principal) {
		return this.settings.editOutline(id, this.organiser.require(principal), edit);
	}

	@PostMapping("/{id}/organisers")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void addOrganiser(@PathVariable UUID id, @RequestBody CoOrganiser coOrganiser, Principal principal) {
		this.settings.addOrganiser(id, this.organiser.require(principal), coOrganiser.email());
	}

	/**
	 * {@code POST /api/discussions/{id}/organisers}: the account to add as co-organiser.
	 */
	record CoOrganiser(String email) {
	}

	private Discussion readable(UUID id, Principal principal) {
		return this.access.readable(id, principal).orElseThrow(ProblemException::notFound);
	}

}
