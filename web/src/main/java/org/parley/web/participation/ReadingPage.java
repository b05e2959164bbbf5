package org.parley.web.participation;

import java.security.Principal;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import org.parley.domain.discussion.Discussion;
import org.parley.domain.live.DiscussionEventLog;
import org.parley.domain.notification.FollowRepository;
import org.parley.domain.outcome.ResponseStatus;
import org.parley.web.discussion.DiscussionView;
import org.parley.web.language.DiscussionLanguages;
import org.parley.web.language.Languages;
import org.parley.web.language.LocalDates;
import org.parley.web.outcome.CommentGroups;
import org.parley.web.outcome.Moderation;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.servlet.support.RequestContextUtils;

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

	private final DiscussionEventLog events;

	private final CommentGroups groups;

	private final Moderation moderation;

	private final Clock clock;

	private final DiscussionLanguages discussionLanguages;

	private final Languages languages;

	ReadingPage(Participation participation, ParticipationSettings settings, FollowRepository follows,
			DiscussionEventLog events, CommentGroups groups, Moderation moderation, Clock clock,
			DiscussionLanguages discussionLanguages, Languages languages) {
		this.events = events;
		this.groups = groups;
		this.moderation = moderation;
		this.settings = settings;
		this.participation = participation;
		this.follows = follows;
		this.clock = clock;
		this.discussionLanguages = discussionLanguages;
		this.languages = languages;
	}

	/** The zones an organiser picks from: every region's cities, sorted. */
	private static final List<String> ZONES = ZoneId.getAvailableZoneIds()
		.stream()
		.filter(z -> z.matches("(Africa|America|Antarctica|Asia|Atlantic|Australia|Europe|Indian|Pacific)/.+")
				|| z.equals("UTC"))
		.sorted()
		.toList();

	@GetMapping("/discussions/{id}")
	String discussion(@PathVariable UUID id, Principal principal, Model model, HttpServletRequest request) {
		// Read before the page's facts: the live stream starts after it, so a change
		// committed meanwhile is sent (again), never lost.
		long lastEvent = this.events.head(id);
		Participation.Standing standing = this.participation.standing(id, principal);
		model.addAttribute("discussionLanguage", this.discussionLanguages.of(id).orElse(null));
		Locale locale = RequestContextUtils.getLocale(request);
		Discussion discussion = standing.discussion();
		boolean organises = standing.organiser();
		ZoneId zone = (discussion.timeZone() != null) ? discussion.timeZone() : ZoneOffset.UTC;
		DiscussionView view = DiscussionView.of(discussion, this.clock, standing.statistics().figures());
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
		model.addAttribute("closesOn", LocalDates.dayMonth(discussion.closesAt(), zone, locale));
		// Closed early by hand, the day it was closed; else the close date that passed.
		model.addAttribute("closedOn", LocalDates.dayMonth(discussion.closedOn(this.clock), zone, locale));
		model.addAttribute("closesAtText", LocalDates.dateTime(discussion.closesAt(), zone, locale));
		model.addAttribute("opensAtText", LocalDates.dateTime(discussion.opensAt(), zone, locale));
		if (organises) {
			model.addAttribute("zones",
					ZONES.contains(zone.getId()) ? ZONES
							: java.util.stream.Stream.concat(java.util.stream.Stream.of(zone.getId()), ZONES.stream())
								.toList());
			model.addAttribute("contentLanguages",
					this.languages.supported()
						.stream()
						.map(l -> new LanguageName(l.toLanguageTag(), Languages.nativeName(l)))
						.toList());
		}
		model.addAttribute("lastEventId", lastEvent);
		return "discussion";
	}

	record LanguageName(String tag, String name) {
	}

	private static String local(OffsetDateTime at, ZoneId zone) {
		// To the minute: a datetime-local field shows nothing for a value with
		// microseconds.
		return (at != null) ? at.atZoneSameInstant(zone)
			.toLocalDateTime()
			.truncatedTo(java.time.temporal.ChronoUnit.MINUTES)
			.toString() : "";
	}

}
