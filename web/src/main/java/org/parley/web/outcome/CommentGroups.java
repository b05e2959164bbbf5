package org.parley.web.outcome;

import java.security.Principal;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.parley.domain.outcome.CommentGroupRepository;
import org.parley.domain.outcome.CommentGroupRepository.Basis;
import org.parley.domain.outcome.CommentGroupRepository.GroupedText;
import org.parley.domain.outcome.NearDuplicates;
import org.parley.web.discussion.DiscussionAccess;
import org.parley.web.system.ProblemException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Near-duplicate groups, computed on demand: when an organiser asks for them and the
 * published comments changed since the last grouping (a count and the newest time, one
 * indexed query), the discussion is grouped again from its texts, in process; otherwise
 * the stored groups are read.
 */
@Service
public class CommentGroups {

	private static final Logger log = LoggerFactory.getLogger(CommentGroups.class);

	private final DiscussionAccess access;

	private final CommentGroupRepository groups;

	private final Clock clock;

	CommentGroups(DiscussionAccess access, CommentGroupRepository groups, Clock clock) {
		this.access = access;
		this.groups = groups;
		this.clock = clock;
	}

	@Transactional
	public List<CommentGroupView> groups(UUID discussionId, Principal principal) {
		DiscussionAccess.Reading reading = this.access.reading(discussionId, principal)
			.orElseThrow(ProblemException::notFound);
		if (!reading.organiser()) {
			throw ProblemException.notFound();
		}
		refresh(discussionId);
		return this.groups.findAll(discussionId).stream().map(CommentGroupView::of).toList();
	}

	/** Groups the discussion again if its comments changed; cheap when they did not. */
	@Transactional
	public void refresh(UUID discussionId) {
		Basis basis = this.groups.currentBasis(discussionId);
		if (basis.equals(this.groups.storedBasis(discussionId).orElse(null))) {
			return;
		}
		this.groups.lock(discussionId);
		Optional<Basis> stored = this.groups.storedBasis(discussionId);
		if (stored.isPresent() && stored.get().equals(basis)) {
			return; // grouped meanwhile by another request
		}
		long started = System.nanoTime();
		List<GroupedText> texts = this.groups.texts(discussionId);
		List<List<UUID>> found = NearDuplicates.group(texts.stream().map(GroupedText::text).toList())
			.stream()
			.map(members -> java.util.Arrays.stream(members).mapToObj(i -> texts.get(i).commentId()).toList())
			.toList();
		this.groups.replace(discussionId, found, new Basis(texts.size(), basis.lastCommentAt()),
				OffsetDateTime.now(this.clock));
		log.info("Discussion {} grouped: {} comments, {} groups, {} ms", discussionId, texts.size(), found.size(),
				(System.nanoTime() - started) / 1_000_000);
	}

}
