package org.parley.web.live;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.parley.domain.discussion.DiscussionRepository;
import org.parley.domain.organiser.OrganiserRepository;
import org.parley.domain.outline.Block;
import org.parley.domain.outline.Outline;
import org.parley.domain.outline.OutlineSection;
import org.parley.web.TestInfrastructureProperties;
import org.parley.web.TestOrganisers;
import org.parley.web.WebApplication;
import org.parley.web.live.SseClient.Collected;
import org.parley.web.live.SseClient.Event;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.ContextConfiguration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The live stream over real HTTP, as browsers use it: the contract's events for comments,
 * replies, votes, hiding and status changes; resumption with {@code Last-Event-ID}; and
 * two web instances on one database, where a change made through one is streamed by the
 * other, as behind a load balancer.
 */
@SpringBootTest(classes = WebApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "spring.config.name=" + WebApplication.CONFIG_NAME, "parley.admin.email=" + TestOrganisers.ADMIN,
				"parley.admin.password=" + TestOrganisers.ADMIN_PASSWORD, "parley.secrets.generate-missing=true",
				// One organiser posts every test's comments.
				"parley.participation.posts-per-minute=1000",
				// A large audience is written by the reader and a writer.
				"parley.live.writers=2" })
@ContextConfiguration(initializers = TestInfrastructureProperties.class)
class LiveDiscussionIntegrationTests {

	private static final Duration WAIT = Duration.ofSeconds(10);

	private static ConfigurableApplicationContext secondInstance;

	@LocalServerPort
	int port;

	@Autowired
	DiscussionRepository discussions;

	@Autowired
	OrganiserRepository organisers;

	private final HttpClient http = HttpClient.newHttpClient();

	private final JsonMapper json = JsonMapper.builder().build();

	/** A second web app on the same database and broker, as a second instance. */
	@BeforeAll
	static void startSecondInstance() {
		TestInfrastructureProperties infrastructure = new TestInfrastructureProperties();
		secondInstance = WebApplication.builder()
			.initializers(infrastructure)
			.run("--server.port=0", "--parley.admin.email=" + TestOrganisers.ADMIN,
					"--parley.admin.password=" + TestOrganisers.ADMIN_PASSWORD,
					"--parley.secrets.generate-missing=true");
	}

	@AfterAll
	static void stopSecondInstance() {
		if (secondInstance != null) {
			secondInstance.close();
		}
	}

	@Test
	void viewersSeeCommentsRepliesCountsHidingAndStatusAsTheyHappen() throws Exception {
		UUID discussion = openDiscussion();
		Collected viewer = new Collected(this.http, events(this.port, discussion), null);
		try {
			awaitOpen(viewer);
			JsonNode posted = post("/api/discussions/" + discussion + "/sections/2/comments",
					"{\"text\":\"<b>Live</b> point\"}");
			Event comment = viewer.next("comment", WAIT);
			assertThat(comment).as("comment event").isNotNull();
			JsonNode shown = this.json.readTree(comment.data());
			assertThat(shown.get("id").asString()).isEqualTo(posted.get("id").asString());
			assertThat(shown.get("text").asString()).isEqualTo("<b>Live</b> point");
			assertThat(shown.get("sectionNumber").asInt()).isEqualTo(2);
			assertThat(shown.has("flags")).as("organisers' figures stay out of the shared stream").isFalse();
			JsonNode counts = this.json.readTree(viewer.next("counts", WAIT).data());
			assertThat(counts.get("sectionNumber").asInt()).isEqualTo(2);
			assertThat(counts.get("comments").asInt()).isEqualTo(1);
			JsonNode stats = this.json.readTree(viewer.next("stats", WAIT).data());
			assertThat(stats.get("totalComments").asInt()).isEqualTo(1);
			assertThat(stats.get("myContributions").isNull()).isTrue();

			post("/api/comments/" + posted.get("id").asString() + "/replies", "{\"text\":\"A reply\"}");
			JsonNode reply = this.json.readTree(viewer.next("comment", WAIT).data());
			assertThat(reply.get("parentId").asString()).isEqualTo(posted.get("id").asString());
			assertThat(this.json.readTree(viewer.next("counts", WAIT).data()).get("comments").asInt())
				.as("replies count in their section")
				.isEqualTo(2);

			send("PUT", "/api/discussions/" + discussion + "/sections/2/vote", "{\"value\":\"DISAGREE\"}");
			JsonNode voted = this.json.readTree(viewer.next("counts", WAIT).data());
			assertThat(List.of(voted.get("agree").asInt(), voted.get("disagree").asInt())).containsExactly(0, 1);

			send("PUT", "/api/comments/" + posted.get("id").asString() + "/state", "{\"state\":\"HIDDEN\"}");
			Event hidden = viewer.next("comment-hidden", WAIT);
			assertThat(this.json.readTree(hidden.data()).get("id").asString()).isEqualTo(posted.get("id").asString());
			assertThat(this.json.readTree(viewer.next("counts", WAIT).data()).get("comments").asInt())
				.as("the hidden comment no longer counted; its reply still is")
				.isEqualTo(1);

			send("PATCH", "/api/discussions/" + discussion, "{\"status\":\"CLOSED\"}");
			JsonNode status = this.json.readTree(viewer.next("status", WAIT).data());
			assertThat(status.get("status").asString()).isEqualTo("CLOSED");
			assertThat(status.get("stats").get("totalVotes").asInt()).isEqualTo(1);
		}
		finally {
			viewer.close();
		}
	}

	@Test
	void aReconnectingViewerGetsWhatItMissedAndNothingItHad() throws Exception {
		UUID discussion = openDiscussion();
		JsonNode first = post("/api/discussions/" + discussion + "/sections/1/comments", "{\"text\":\"First\"}");
		JsonNode second = post("/api/discussions/" + discussion + "/sections/1/comments", "{\"text\":\"Second\"}");
		send("PUT", "/api/discussions/" + discussion + "/sections/1/vote", "{\"value\":\"AGREE\"}");

		// A viewer that saw event 1 (the first comment) reconnects.
		Collected resumed = new Collected(this.http, events(this.port, discussion), "1");
		Collected fresh = new Collected(this.http, events(this.port, discussion), null);
		try {
			awaitOpen(fresh);
			Event missed = resumed.next("comment", WAIT);
			assertThat(missed.id()).isEqualTo("2");
			assertThat(this.json.readTree(missed.data()).get("id").asString()).isEqualTo(second.get("id").asString());
			JsonNode counts = this.json.readTree(resumed.next("counts", WAIT).data());
			assertThat(List.of(counts.get("comments").asInt(), counts.get("agree").asInt())).containsExactly(2, 1);
			assertThat(resumed.next(SseClient.POSITION, WAIT).id()).isEqualTo("3");
			JsonNode third = post("/api/discussions/" + discussion + "/sections/1/comments", "{\"text\":\"Third\"}");
			Event next = resumed.next("comment", WAIT);
			assertThat(next.id()).isEqualTo("4");
			assertThat(this.json.readTree(next.data()).get("id").asString()).isEqualTo(third.get("id").asString());
			assertThat(resumed.all.stream().filter(e -> e.name().equals("comment")).map(e -> e.data()))
				.noneMatch(data -> data.contains(first.get("id").asString()));

			// A viewer without a last event id starts from now.
			Event freshComment = fresh.next("comment", WAIT);
			assertThat(freshComment.id()).isEqualTo("4");
			assertThat(fresh.all.stream().filter(e -> e.name().equals("comment"))).hasSize(1);
		}
		finally {
			resumed.close();
			fresh.close();
		}
	}

	@Test
	void aChangeMadeThroughOneInstanceIsStreamedByTheOther() throws Exception {
		UUID discussion = openDiscussion();
		int otherPort = Integer.parseInt(secondInstance.getEnvironment().getProperty("local.server.port"));
		Collected onOther = new Collected(this.http, events(otherPort, discussion), null);
		try {
			awaitOpen(onOther);
			JsonNode posted = post("/api/discussions/" + discussion + "/sections/1/comments",
					"{\"text\":\"Through the first instance\"}");
			Event comment = onOther.next("comment", WAIT);
			assertThat(comment).as("the second instance streams what the first wrote").isNotNull();
			assertThat(this.json.readTree(comment.data()).get("id").asString()).isEqualTo(posted.get("id").asString());
			assertThat(comment.id()).isEqualTo("1");
		}
		finally {
			onOther.close();
		}
	}

	/**
	 * 600 viewers are more than one writer takes: the reader writes a slice and the
	 * writer pool the rest, and every viewer still gets every event once and in order.
	 */
	@Test
	void everyViewerOfALargeAudienceGetsEveryEventOnceAndInOrder() throws Exception {
		UUID discussion = openDiscussion();
		int audience = 600;
		java.util.concurrent.ExecutorService threads = java.util.concurrent.Executors.newFixedThreadPool(2);
		HttpClient viewers = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).executor(threads).build();
		List<Collected> streams = new java.util.ArrayList<>();
		try {
			for (int i = 0; i < audience; i++) {
				streams.add(new Collected(viewers, events(this.port, discussion), null));
			}
			for (Collected stream : streams) {
				awaitOpen(stream);
			}
			List<String> posted = new java.util.ArrayList<>();
			for (int i = 1; i <= 5; i++) {
				posted.add(post("/api/discussions/" + discussion + "/sections/" + (1 + i % 2) + "/comments",
						"{\"text\":\"Comment " + i + "\"}")
					.get("id")
					.asString());
			}
			org.awaitility.Awaitility.await()
				.atMost(Duration.ofSeconds(30))
				.until(() -> streams.stream().allMatch(v -> comments(v).size() >= posted.size()));
			for (Collected stream : streams) {
				assertThat(comments(stream)).as("the comment events one viewer got").containsExactlyElementsOf(posted);
				assertThat(stream.all.stream().map(Event::id).filter(java.util.Objects::nonNull).map(Long::valueOf))
					.as("event ids never go back")
					.isSorted();
			}
		}
		finally {
			streams.forEach(Collected::close);
			threads.shutdownNow();
		}
	}

	private List<String> comments(Collected stream) {
		return stream.all.stream()
			.filter(e -> e.name().equals("comment"))
			.map(e -> this.json.readTree(e.data()).get("id").asString())
			.toList();
	}

	@Test
	void aPrivateDiscussionStreamsToNoStranger() throws Exception {
		UUID discussion = openDiscussion();
		send("PATCH", "/api/discussions/" + discussion, "{\"privacy\":\"PRIVATE\"}");
		HttpResponse<String> refused = this.http.send(HttpRequest.newBuilder(events(this.port, discussion)).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(refused.statusCode()).isEqualTo(404);
		assertThat(refused.body()).contains("\"code\":\"NOT_FOUND\"");
		HttpResponse<String> badId = this.http
			.send(HttpRequest.newBuilder(URI.create(events(this.port, discussion) + "?lastEventId=x"))
				.header("Authorization", basic())
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(badId.statusCode()).isEqualTo(400);
		assertThat(badId.body()).contains("INVALID_EVENT_ID");
	}

	/** The stream has joined once it was told where it starts. */
	private static void awaitOpen(Collected stream) throws InterruptedException {
		assertThat(stream.next(SseClient.POSITION, WAIT)).as("where the stream starts").isNotNull();
	}

	private static URI events(int port, UUID discussion) {
		return URI.create("http://localhost:" + port + "/api/discussions/" + discussion + "/events");
	}

	private JsonNode post(String path, String body) throws Exception {
		HttpResponse<String> answer = call("POST", path, body);
		assertThat(answer.statusCode()).as(answer.body()).isEqualTo(201);
		return this.json.readTree(answer.body());
	}

	private void send(String method, String path, String body) throws Exception {
		HttpResponse<String> answer = call(method, path, body);
		assertThat(answer.statusCode()).as(answer.body()).isBetween(200, 204);
	}

	private HttpResponse<String> call(String method, String path, String body) throws Exception {
		return this.http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
			.header("Authorization", basic())
			.header("Content-Type", "application/json")
			.method(method, HttpRequest.BodyPublishers.ofString(body))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static String basic() {
		return "Basic " + Base64.getEncoder()
			.encodeToString(
					(TestOrganisers.ADMIN + ":" + TestOrganisers.ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8));
	}

	private UUID openDiscussion() {
		UUID owner = this.organisers.findByEmail(TestOrganisers.ADMIN).orElseThrow().id();
		UUID id = this.discussions.addDraft(null, owner, "Live",
				new Outline("Live", null,
						List.of(new OutlineSection("1.", "One", 1, List.of(Block.paragraph("A."))),
								new OutlineSection("2.", "Two", 1, List.of(Block.paragraph("B."))))),
				OffsetDateTime.now());
		var draft = this.discussions.findById(id).orElseThrow();
		this.discussions
			.update(draft.schedule(null, OffsetDateTime.now().plusDays(3), null).publish(Clock.systemUTC()));
		return id;
	}

}
