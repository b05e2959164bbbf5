package org.parley.web.revision;

import java.security.Principal;
import java.util.UUID;

import org.parley.web.discussion.DiscussionAccess;
import org.parley.web.system.ProblemException;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The versions page: a version switcher, each section of a version beside the one before
 * with its words added and removed, and, for an organiser on a draft, the review of the
 * matching (re-pair, un-pair, minor or meaning) and the publication. The page's script
 * reads the revision API; the page itself only checks that the caller may read.
 */
@Controller
class RevisionPages {

	private final DiscussionAccess access;

	private final Revisions revisions;

	RevisionPages(DiscussionAccess access, Revisions revisions) {
		this.access = access;
		this.revisions = revisions;
	}

	@GetMapping("/discussions/{id}/versions")
	String versions(@PathVariable UUID id, @RequestParam(required = false) Integer revision, Model model,
			Principal principal) {
		DiscussionAccess.Reading reading = this.access.reading(id, principal).orElseThrow(ProblemException::notFound);
		if (revision != null) {
			// A draft only for organisers: answers 404 to anyone else.
			this.revisions.outline(id, revision, principal);
		}
		model.addAttribute("discussion", reading.discussion());
		model.addAttribute("organiser", reading.organiser());
		model.addAttribute("revision", revision);
		return "versions";
	}

}
