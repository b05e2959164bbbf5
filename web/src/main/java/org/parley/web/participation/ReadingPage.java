package org.parley.web.participation;

import java.security.Principal;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.parley.domain.discussion.Discussion;
import org.parley.domain.notification.FollowRepository;
import org.parley.domain.outcome.ResponseStatus;
import org.parley.web.discussion.DiscussionView;
import org.parley.web.outcome.CommentGroups;
import org.parley.web.outcome.Moderation;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The discussion page everyone reads: the title, every section with its number, label,
 * heading and text, where each section stands, and the statistics. Signed-in people vote
 * and comment from it; organisers also get their settings and the fixes of the draft.
 */
@Controller
class ReadingPage {

	private final Participation participation;

	private final ParticipationSettings settings;

	private final FollowRepository follows;

	private final CommentGroups groups;

	private final Moderation moderation;

	private final Clock clock;

	ReadingPage(Participation participation, ParticipationSettings settings, FollowRepository follows,
			CommentGroups groups, Moderation moderation, Clock clock) {
		this.groups = groups;
		this.moderation = moderation;
		this.settings = settings;
		this.participation = participation;
		this.follows = follows;
		this.clock = clock;
	}

	@GetMapping("/discussions/{id}")
	String discussion(@PathVariable UUID id, Principal principal, Locale locale, Model model) {
		Participation.Standing standing = this.participation.standing(id, principal);
		Discussion discussion = standing.discussion();
		boolean organises = standing.organiser();
		ZoneId zone = (discussion.timeZone() != null) ? discussion.timeZone() : ZoneOffset.UTC;
		DiscussionView view = DiscussionView.of(discussion, this.clock);
		model.addAttribute("discussion", view);
		model.addAttribute("sections", standing.sections());
		model.addAttribute("removedSections", standing.removedSections());
		model.addAttribute("participated", standing.participated());
		model.addAttribute("stats", standing.statistics());
		model.addAttribute("organiser", organises);
		model.addAttribute("following",
				organises && standing.me() != null && this.follows.follows(id, standing.me().id()));
		model.addAttribute("premoderated", standing.premoderated());
		if (organises) {
			this.groups.refresh(id);
			model.addAttribute("moderation", this.moderation.counts(id));
			OffsetDateTime due = standing.statistics().responseDeadline().dueAt();
			model.addAttribute("responseDueOn", (due != null && standing.statistics().responseDeadline().chosen())
					? due.atZoneSameInstant(zone).toLocalDate().toString() : "");
			model.addAttribute("responseStatuses", ResponseStatus.values());
		}
		boolean editable = organises && !discussion.isPublished();
		model.addAttribute("editable", editable);
		// The sections whose headings the import doubts, least sure first: the organiser
		// checks those before publishing.
		model.addAttribute("doubted",
				editable ? standing.sections()
					.stream()
					.filter(SectionView::isDoubtful)
					.sorted(java.util.Comparator.comparingDouble(SectionView::confidence))
					.toList() : List.of());
		model.addAttribute("signedIn", principal != null);
		model.addAttribute("me", (standing.me() != null) ? standing.me().shownName() : null);
		model.addAttribute("canTakePart", principal != null && view.status().name().equals("OPEN"));
		model.addAttribute("commentMaxLength", this.settings.commentMaxLength());
		model.addAttribute("zone", zone.getId());
		model.addAttribute("opensLocal", local(discussion.opensAt(), zone));
		model.addAttribute("closesLocal", local(discussion.closesAt(), zone));
		model.addAttribute("closesOn", (discussion.closesAt() != null)
				? discussion.closesAt().atZoneSameInstant(zone).format(DateTimeFormatter.ofPattern("d MMM", locale))
				: null);
		return "discussion";
	}

	private static String local(OffsetDateTime at, ZoneId zone) {
		return (at != null) ? at.atZoneSameInstant(zone).toLocalDateTime().toString() : "";
	}

}
