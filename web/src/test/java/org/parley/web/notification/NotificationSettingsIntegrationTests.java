package org.parley.web.notification;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.parley.domain.discussion.DiscussionRepository;
import org.parley.domain.links.LinkSigner;
import org.parley.domain.notification.FollowRepository;
import org.parley.domain.notification.MailKind;
import org.parley.domain.notification.MailStatus;
import org.parley.domain.notification.NotificationFrequency;
import org.parley.domain.notification.NotificationMail;
import org.parley.domain.notification.NotificationPreferenceRepository;
import org.parley.domain.notification.NotificationRepository;
import org.parley.domain.organiser.Organiser;
import org.parley.domain.organiser.OrganiserRepository;
import org.parley.domain.outline.Block;
import org.parley.domain.outline.Outline;
import org.parley.domain.outline.OutlineSection;
import org.parley.domain.participation.ParticipantRepository;
import org.parley.web.TestOrganisers;
import org.parley.web.WebIntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

@WebIntegrationTest
@TestPropertySource(properties = "parley.links.secret=" + NotificationSettingsIntegrationTests.SECRET)
class NotificationSettingsIntegrationTests {

	static final String SECRET = "notification-test-secret-0123456789abcdef";

	@Autowired
	MockMvcTester mvc;

	@Autowired
	OrganiserRepository organisers;

	@Autowired
	DiscussionRepository discussions;

	@Autowired
	ParticipantRepository participants;

	@Autowired
	NotificationPreferenceRepository preferences;

	@Autowired
	NotificationRepository notifications;

	@Autowired
	FollowRepository follows;

	@Autowired
	PasswordEncoder passwords;

	String owner;

	UUID discussion;

	String ana;

	@BeforeEach
	void discussion() {
		Organiser owner = TestOrganisers.add(this.organisers, this.passwords, "owner", "O");
		this.owner = owner.email();
		this.discussion = this.discussions.addDraft(null, owner.id(), "Strategy",
				new Outline("Strategy", null,
						List.of(new OutlineSection("1.", "Goals", 1, List.of(Block.paragraph("One."))))),
				OffsetDateTime.now());
		this.ana = "ana-" + UUID.randomUUID() + "@example.org";
	}

	@Test
	void participantsChooseADefaultAndAChoicePerDiscussion() {
		assertThat(this.mvc.put()
			.uri("/api/me/notification-settings")
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"replies\":\"DAILY\",\"timeZone\":\"Europe/Paris\"}")
			.with(user(this.ana))
			.with(csrf())).hasStatusOk()
			.bodyJson()
			.isLenientlyEqualTo("{\"replies\":\"DAILY\",\"timeZone\":\"Europe/Paris\",\"stopAll\":false}");
		assertThat(this.mvc.put()
			.uri("/api/me/notification-settings")
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"replies\":\"NONE\",\"discussionId\":\"" + this.discussion + "\"}")
			.with(user(this.ana))
			.with(csrf())).hasStatusOk();

		UUID anaId = this.participants.findByEmail(this.ana).orElseThrow().id();
		assertThat(this.preferences.effective(anaId, this.discussion)).isEqualTo(NotificationFrequency.NONE);
		assertThat(this.preferences.effective(anaId, UUID.randomUUID())).isEqualTo(NotificationFrequency.DAILY);
		assertThat(this.mvc.get()
			.uri("/api/me/notification-settings?discussionId={d}", this.discussion)
			.with(user(this.ana))).bodyJson()
			.isLenientlyEqualTo("{\"replies\":\"DAILY\",\"discussion\":{\"replies\":\"NONE\",\"following\":false}}");

		assertThat(this.mvc.put()
			.uri("/api/me/notification-settings")
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"stopAll\":true}")
			.with(user(this.ana))
			.with(csrf())).hasStatusOk();
		assertThat(this.preferences.effective(anaId, UUID.randomUUID())).isEqualTo(NotificationFrequency.NONE);

		assertThat(this.mvc.put()
			.uri("/api/me/notification-settings")
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"replies\":\"SOMETIMES\"}")
			.with(user(this.ana))
			.with(csrf())).hasStatus4xxClientError();
		assertThat(this.mvc.put()
			.uri("/api/me/notification-settings")
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"replies\":\"DAILY\"}")
			.with(csrf())).hasStatus(401);
	}

	@Test
	void theSettingsPageSavesTheChoice() {
		assertThat(this.mvc.get().uri("/me/notifications").with(user(this.ana))).hasStatusOk()
			.bodyText()
			.contains("Email notifications");
		assertThat(this.mvc.post()
			.uri("/me/notifications")
			.param("replies", "NONE")
			.param("timeZone", "")
			.with(user(this.ana))
			.with(csrf())).hasStatusOk().bodyText().contains("Your settings are saved");
		UUID anaId = this.participants.findByEmail(this.ana).orElseThrow().id();
		assertThat(this.preferences.defaults(anaId).replies()).isEqualTo(NotificationFrequency.NONE);
	}

	@Test
	void participantsMayChooseBothImmediateAndDaily() {
		assertThat(this.mvc.put()
			.uri("/api/me/notification-settings")
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"replies\":\"IMMEDIATE_AND_DAILY\"}")
			.with(user(this.ana))
			.with(csrf())).hasStatusOk().bodyJson().isLenientlyEqualTo("{\"replies\":\"IMMEDIATE_AND_DAILY\"}");
		UUID anaId = this.participants.findByEmail(this.ana).orElseThrow().id();
		assertThat(this.preferences.effective(anaId, this.discussion))
			.isEqualTo(NotificationFrequency.IMMEDIATE_AND_DAILY);

		assertThat(this.mvc.get().uri("/me/notifications").with(user(this.ana))).hasStatusOk()
			.bodyText()
			.contains("value=\"IMMEDIATE_AND_DAILY\" checked")
			.contains("Email me each reply, and also one email a day with the day\u2019s replies");
		assertThat(this.mvc.post().uri("/me/notifications").param("replies", "DAILY").with(user(this.ana)).with(csrf()))
			.hasStatusOk();
		assertThat(this.mvc.post()
			.uri("/me/notifications")
			.param("replies", "IMMEDIATE_AND_DAILY")
			.with(user(this.ana))
			.with(csrf())).hasStatusOk().bodyText().contains("value=\"IMMEDIATE_AND_DAILY\" checked");
		assertThat(this.preferences.defaults(anaId).replies()).isEqualTo(NotificationFrequency.IMMEDIATE_AND_DAILY);
	}

	@Test
	void oneClickUnsubscribeStopsTheDiscussionsNotificationsWithoutSessionOrToken() {
		UUID anaId = this.participants.findOrCreate(this.ana, OffsetDateTime.now()).id();
		UUID mailId = UUID.randomUUID();
		this.notifications.addMail(new NotificationMail(mailId, anaId, this.discussion, MailKind.IMMEDIATE, null,
				MailStatus.SENT, 1, null, OffsetDateTime.now()));
		String token = new LinkSigner(SECRET).sign("unsubscribe-notifications", mailId);

		assertThat(this.mvc.get().uri("/unsubscribe/notifications/{t}", token)).hasStatusOk()
			.bodyText()
			.contains("Stop emails about");
		assertThat(this.preferences.effective(anaId, this.discussion)).isEqualTo(NotificationFrequency.IMMEDIATE);

		assertThat(this.mvc.post()
			.uri("/unsubscribe/notifications/{t}", token)
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.content("List-Unsubscribe=One-Click")).hasStatusOk().bodyText().contains("will receive no more emails");
		assertThat(this.preferences.effective(anaId, this.discussion)).isEqualTo(NotificationFrequency.NONE);
		assertThat(this.preferences.effective(anaId, UUID.randomUUID())).isEqualTo(NotificationFrequency.IMMEDIATE);

		assertThat(this.mvc.post().uri("/unsubscribe/notifications/{t}", mailId + ".forged")).hasStatus(404);
		assertThat(
				this.mvc.post().uri("/unsubscribe/notifications/{t}", new LinkSigner(SECRET).sign("sign-in", mailId)))
			.hasStatus(404);
	}

	@Test
	void organisersFollowTheirDiscussionsOnly() {
		assertThat(
				this.mvc.put().uri("/api/discussions/{id}/follow", this.discussion).with(httpBasic(this.owner, "pw")))
			.hasStatus(204);
		UUID ownerAsParticipant = this.participants.findByEmail(this.owner).orElseThrow().id();
		assertThat(this.follows.followers(this.discussion)).containsExactly(ownerAsParticipant);

		assertThat(
				this.mvc.put().uri("/api/discussions/{id}/follow", this.discussion).with(user(this.ana)).with(csrf()))
			.hasStatus(404);

		assertThat(this.mvc.delete()
			.uri("/api/discussions/{id}/follow", this.discussion)
			.with(httpBasic(this.owner, "pw"))).hasStatus(204);
		assertThat(this.follows.followers(this.discussion)).isEmpty();
	}

	@Test
	void organisersFollowFromTheDiscussionPage() {
		assertThat(this.mvc.get().uri("/discussions/{id}", this.discussion).with(user(this.owner).roles("ORGANISER")))
			.hasStatusOk()
			.bodyText()
			.contains("Email me every new comment")
			.contains("aria-pressed=\"false\"");

		assertThat(this.mvc.post()
			.uri("/discussions/{id}/follow", this.discussion)
			.param("follow", "true")
			.with(user(this.owner).roles("ORGANISER"))).hasStatus(403);
		assertThat(this.mvc.post()
			.uri("/discussions/{id}/follow", this.discussion)
			.param("follow", "true")
			.with(user(this.owner).roles("ORGANISER"))
			.with(csrf())).hasStatus3xxRedirection().hasRedirectedUrl("/discussions/" + this.discussion);
		UUID ownerAsParticipant = this.participants.findByEmail(this.owner).orElseThrow().id();
		assertThat(this.follows.followers(this.discussion)).containsExactly(ownerAsParticipant);
		assertThat(this.mvc.get().uri("/discussions/{id}", this.discussion).with(user(this.owner).roles("ORGANISER")))
			.hasStatusOk()
			.bodyText()
			.contains("Stop emailing me every new comment")
			.contains("aria-pressed=\"true\"");

		assertThat(this.mvc.post()
			.uri("/discussions/{id}/follow", this.discussion)
			.param("follow", "true")
			.with(user(this.ana))
			.with(csrf())).hasStatus(404);

		assertThat(this.mvc.post()
			.uri("/discussions/{id}/follow", this.discussion)
			.param("follow", "false")
			.with(user(this.owner).roles("ORGANISER"))
			.with(csrf())).hasStatus3xxRedirection();
		assertThat(this.follows.followers(this.discussion)).isEmpty();
	}

}
