package org.parley.ingest.job;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.parley.domain.discussion.ChangeKind;
import org.parley.domain.discussion.DiscussionRepository;
import org.parley.domain.discussion.RevisionMatch;
import org.parley.domain.discussion.RevisionRepository;
import org.parley.domain.discussion.Section;
import org.parley.domain.outline.Block;
import org.parley.domain.outline.Outline;
import org.parley.domain.outline.OutlineSection;
import org.parley.ingest.revision.Matching;
import org.parley.ingest.revision.Position;
import org.parley.ingest.revision.RevisionMatcher;

import org.springframework.stereotype.Component;

/**
 * Saves a re-import as the draft revision beside the live one, with the matcher's pairing
 * of its sections and paragraphs to the live ones (ADR 0022), in the save step's
 * transaction. The live revision is only read: participants keep working on it.
 */
@Component
class DraftRevisionSave {

	private final DiscussionRepository discussions;

	private final RevisionRepository revisions;

	private final RevisionMatcher matcher = new RevisionMatcher();

	DraftRevisionSave(DiscussionRepository discussions, RevisionRepository revisions) {
		this.discussions = discussions;
		this.revisions = revisions;
	}

	/**
	 * @return the draft revision's number
	 */
	int save(UUID discussionId, UUID importId, Outline outline, OffsetDateTime now) {
		Outline live = outlineWithIds(this.discussions.findSections(discussionId));
		Matching matching = this.matcher.match(live, outline);
		RevisionRepository.DraftIds ids = this.revisions.addDraft(discussionId, importId, outline, now);
		List<RevisionMatch> matches = new ArrayList<>();
		matching.sections()
			.forEach(m -> matches.add(RevisionMatch.found(RevisionMatch.Unit.SECTION, m.from(), id(ids, m.to()),
					ChangeKind.valueOf(m.kind().name()), m.confidence())));
		matching.paragraphs()
			.forEach(m -> matches.add(RevisionMatch.found(RevisionMatch.Unit.PARAGRAPH, m.from(), id(ids, m.to()),
					ChangeKind.valueOf(m.kind().name()), m.confidence())));
		this.revisions.addMatches(discussionId, ids.revision(), matches);
		return ids.revision();
	}

	private static UUID id(RevisionRepository.DraftIds ids, Position to) {
		if (to == null) {
			return null;
		}
		return (to.paragraph() == 0) ? ids.sections().get(to.section() - 1)
				: ids.paragraphs().get(to.section() - 1).get(to.paragraph() - 1);
	}

	/** The live outline as the matcher reads an old version: every unit with its id. */
	static Outline outlineWithIds(List<Section> sections) {
		return new Outline(null, null, sections.stream()
			.map(s -> new OutlineSection(s.id(), s.label(), s.heading(), s.level(),
					s.paragraphs().stream().map(p -> new Block(p.id(), p.kind(), p.text())).toList(), s.confidence()))
			.toList());
	}

}
