package org.parley.domain.test;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.parley.domain.discussion.DiscussionRepository;
import org.parley.domain.organiser.Organiser;
import org.parley.domain.organiser.OrganiserRepository;
import org.parley.domain.outcome.CommentGroupRepository;
import org.parley.domain.outcome.CommentResponse;
import org.parley.domain.outcome.ResponseRepository;
import org.parley.domain.outcome.ResponseStatus;
import org.parley.domain.outline.Block;
import org.parley.domain.outline.Outline;
import org.parley.domain.outline.OutlineSection;
import org.parley.domain.participation.Comment;
import org.parley.domain.participation.CommentRepository;
import org.parley.domain.participation.CommentState;
import org.parley.domain.participation.Participant;
import org.parley.domain.participation.ParticipantRepository;
import org.parley.domain.participation.VoteRepository;

/**
 * A published discussion with everything an outcome export or report must tell apart,
 * written through the repositories: three sections with votes; published comments, one of
 * them a spreadsheet formula and one answered; a reply; a hidden and a waiting one; and a
 * group of three near-identical comments.
 */
public final class OutcomeFixture {

	public static final String FORMULA = "=HYPERLINK(\"http://evil.example\",\"click\")";

	private final OrganiserRepository organisers;

	private final DiscussionRepository discussions;

	private final ParticipantRepository participants;

	private final CommentRepository comments;

	private final VoteRepository votes;

	private final ResponseRepository responses;

	private final CommentGroupRepository groups;

	public OutcomeFixture(OrganiserRepository organisers, DiscussionRepository discussions,
			ParticipantRepository participants, CommentRepository comments, VoteRepository votes,
			ResponseRepository responses, CommentGroupRepository groups) {
		this.organisers = organisers;
		this.discussions = discussions;
		this.participants = participants;
		this.comments = comments;
		this.votes = votes;
		this.responses = responses;
		this.groups = groups;
	}

	/** What {@link #discussion} made, by name. */
	public record Made(UUID discussionId, UUID organiserId, String organiserEmail, Participant alice, Participant bob,
			UUID answered, UUID formula, UUID reply, UUID hidden, UUID waiting, List<UUID> grouped) {
	}

	/**
	 * @param organiserEmail the organiser's address, or null for a fresh one
	 * @param passwordHash the organiser's stored password
	 */
	public Made discussion(String organiserEmail, String passwordHash) {
		OffsetDateTime t0 = OffsetDateTime.parse("2026-10-01T09:00:00Z");
		String email = (organiserEmail != null) ? organiserEmail : "organiser-" + UUID.randomUUID() + "@parley.test";
		UUID organiser = this.organisers.findByEmail(email).map(Organiser::id).orElseGet(() -> {
			UUID id = UUID.randomUUID();
			this.organisers.add(new Organiser(id, email, passwordHash, "Organiser", t0));
			return id;
		});
		UUID d = this.discussions.addDraft(null, organiser, "Cycling plan", new Outline("Cycling plan", null,
				List.of(new OutlineSection("1.", "Scope", 1, List.of(Block.paragraph("This plan covers the town."))),
						new OutlineSection("2.", "Routes", 1,
								List.of(Block.paragraph("A route along the river."),
										Block.paragraph("A route to the station."))),
						new OutlineSection("3.", "Money", 1, List.of(Block.paragraph("Ten million."))))),
				t0);
		this.discussions.update(this.discussions.findById(d).orElseThrow().publish(Clock.systemUTC()));
		UUID s1 = this.discussions.sectionId(d, 1).orElseThrow();
		UUID s2 = this.discussions.sectionId(d, 2).orElseThrow();
		UUID p21 = this.discussions.paragraphId(s2, 1).orElseThrow();
		Participant alice = participant("alice", "Alice", t0);
		Participant bob = participant("bob", null, t0);
		Participant carol = participant("carol", "Carol", t0);
		this.votes.cast(d, s1, alice.id(), true, t0);
		this.votes.cast(d, s1, bob.id(), false, t0);
		this.votes.cast(d, s1, carol.id(), true, t0);
		this.votes.cast(d, s2, alice.id(), false, t0);
		UUID answered = add(d, s1, null, null, null, alice, "The scope is too narrow.", CommentState.PUBLISHED,
				t0.plusMinutes(1));
		UUID formula = add(d, s1, null, null, null, bob, FORMULA, CommentState.PUBLISHED, t0.plusMinutes(2));
		UUID reply = add(d, s1, null, null, answered, carol, "I agree with Alice.", CommentState.PUBLISHED,
				t0.plusMinutes(3));
		UUID hidden = add(d, s2, null, null, null, bob, "Something rude.", CommentState.HIDDEN, t0.plusMinutes(4));
		UUID waiting = add(d, s2, null, null, null, carol, "Waiting for approval.", CommentState.PENDING,
				t0.plusMinutes(5));
		List<UUID> grouped = new ArrayList<>();
		String campaign = "Please build the river route first, it is the safest for children.";
		grouped.add(add(d, s2, p21, "A route along the river.", null, alice, campaign, CommentState.PUBLISHED,
				t0.plusMinutes(6)));
		grouped.add(add(d, s2, p21, null, null, bob, campaign + " Thanks.", CommentState.PUBLISHED, t0.plusMinutes(7)));
		grouped.add(add(d, s3(d), null, null, null, carol, campaign.replace("first", "soon"), CommentState.PUBLISHED,
				t0.plusMinutes(8)));
		this.comments.vote(answered, bob.id(), true);
		this.comments.vote(answered, carol.id(), true);
		this.comments.vote(formula, alice.id(), false);
		this.responses.respond(answered, new CommentResponse(ResponseStatus.PARTLY_ACCEPTED,
				"We widen it to the villages.", t0.plusDays(1), organiser));
		this.responses.respondAll(grouped, new CommentResponse(ResponseStatus.ACCEPTED, "The river route comes first.",
				t0.plusDays(1), organiser));
		this.groups.replace(d, List.of(grouped), this.groups.currentBasis(d), t0.plusDays(1));
		return new Made(d, organiser, email, alice, bob, answered, formula, reply, hidden, waiting, grouped);
	}

	private UUID s3(UUID d) {
		return this.discussions.sectionId(d, 3).orElseThrow();
	}

	private Participant participant(String name, String displayName, OffsetDateTime now) {
		Participant p = this.participants.findOrCreate(name + "-" + UUID.randomUUID() + "@example.org", now);
		if (displayName != null) {
			this.participants.rename(p.id(), displayName);
		}
		return this.participants.findById(p.id()).orElseThrow();
	}

	private UUID add(UUID d, UUID section, UUID paragraph, String quote, UUID parent, Participant author, String text,
			CommentState state, OffsetDateTime at) {
		UUID id = UUID.randomUUID();
		this.comments.add(new Comment(id, d, section, paragraph, quote, parent, author.id(), text, state, 0, at));
		return id;
	}

}
