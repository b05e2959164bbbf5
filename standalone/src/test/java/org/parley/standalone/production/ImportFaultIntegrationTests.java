package org.parley.standalone.production;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.parley.standalone.production.ProgressStream.Event;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Issue 7's import faults on the production shape (2 web, 2 ingest-worker processes):
 * <ul>
 * <li><b>An ingest-worker killed</b> (scenario 2) with SIGKILL while it extracts a
 * document, and started again at once as an orchestrator would: the other worker takes
 * the import over, or, when it is the only worker, the restarted one finishes it.</li>
 * <li><b>A web process killed</b> (scenario 6) while it streams an import's progress
 * (SSE) and reads another upload: the client reconnects to the other web and follows the
 * import to its end, progress never going back; the cut upload left nothing, and sent
 * again to the other web it imports once.</li>
 * </ul>
 * Pass, each time: the import SUCCEEDED with exactly the expected sections (labels,
 * headings, levels and paragraphs, in order) in exactly one discussion, and nothing is
 * half-made (every import final, no bytes left by a succeeded import, every outbox row
 * published).
 * <p>
 * The short form (the default run) imports the 131-page sample; the long form
 * ({@code benchmark} tag) a generated 434-page draft, next to an import of it with no
 * fault. A worker that dies leaves its job execution STARTED and its import quiet; the
 * survivors' sweep recovers an import quiet for longer than stale-after. Production has 2
 * min and a 30 s sweep; the shape here sets {@value #STALE_AFTER} and a
 * {@value #SWEEP_INTERVAL} sweep so that a scenario takes seconds, which is still far
 * above the longest pause between two progress reports of a live import.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ImportFaultIntegrationTests {

	static final String STALE_AFTER = "15s";

	static final String SWEEP_INTERVAL = "2s";

	static final Duration IMPORT_TIMEOUT = Duration.ofMinutes(5);

	static ProductionShape shape;

	static ImportLedger ledger;

	static final List<String> report = new ArrayList<>();

	@BeforeAll
	static void start() {
		String unavailable = ProductionShape.unavailableBecause();
		assumeTrue(unavailable == null, () -> "Production shape skipped: " + unavailable);
		shape = ProductionShape.with(2, 2, 0)
			.env(ParleyApp.INGEST_WORKER, "PARLEY_IMPORT_STALE_AFTER", STALE_AFTER)
			.env(ParleyApp.INGEST_WORKER, "PARLEY_IMPORT_SWEEP_INTERVAL", SWEEP_INTERVAL)
			.start();
		ledger = new ImportLedger(shape.database());
	}

	@AfterAll
	static void stop() throws IOException {
		if (shape != null) {
			report.add("peak RSS (kB): " + shape.peakRssKb());
			String text = String.join("\n", report);
			System.out.println("Import fault scenarios:\n" + text);
			Files.writeString(shape.directory().resolve("import-faults-report.txt"), text + "\n",
					StandardCharsets.UTF_8);
			shape.close();
		}
	}

	@BeforeEach
	void everyInstanceRuns() {
		List<AppInstance> stopped = shape.all().stream().filter(instance -> !instance.isAlive()).toList();
		stopped.forEach(AppInstance::start);
		stopped.forEach(instance -> instance.awaitHealthy(ProductionShape.START_TIMEOUT));
	}

	@AfterEach
	void nothingIsHalfMade() {
		assertThat(ledger.unfinished()).as("imports not SUCCEEDED or FAILED").isEmpty();
		assertThat(ledger.bytesLeftBySucceededImports()).as("uploaded bytes left by succeeded imports").isZero();
		assertThat(ledger.discussionsWithoutTheirImport()).as("discussions without their succeeded import").isZero();
		await("outbox relayed").atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(ledger.unpublishedOutboxRows()).as("unpublished outbox rows").isZero());
	}

	@Test
	@Order(1)
	void ingestWorkerKilledMidImportIsTakenOverByTheOther() {
		workerKilled("short, take-over", Draft.sample131Pages(), false);
	}

	@Test
	@Order(2)
	void onlyIngestWorkerKilledAndRestartedFinishesTheImport() {
		workerKilled("short, only worker", Draft.sample131Pages(), true);
	}

	@Test
	@Order(3)
	void webKilledMidStreamLetsTheClientResumeOnTheOtherWeb() {
		webKilled("short", Draft.sample131Pages());
	}

	/**
	 * The long form: a 434-page draft imported with no fault, then through each fault,
	 * with the times side by side.
	 */
	@Test
	@Order(4)
	@Tag("benchmark")
	void longFormWith434Pages() {
		Draft draft = NumberedDraft.of(434, 434);
		report.add("434-page draft: " + draft.sections().size() + " sections, " + draft.pdf().length / 1024 + " KB");
		long started = System.nanoTime();
		UUID id = shape.api(1).startImport(draft.pdf(), draft.fileName());
		JsonNode done = awaitFinal(shape.api(1), id, Optional.empty());
		long baseline = System.nanoTime() - started;
		assertImported(draft, id, done);
		report.add(String.format("long, no fault: import %.1f s", seconds(baseline)));
		long takeOver = workerKilled("long, take-over", draft, false);
		long onlyWorker = workerKilled("long, only worker", draft, true);
		webKilled("long", draft);
		report.add(String.format("long, import duration vs no fault: take-over %.2fx, only worker %.2fx",
				(double) takeOver / baseline, (double) onlyWorker / baseline));
	}

	/**
	 * Kills the ingest-worker that runs the import once it is extracting, starts it again
	 * at once, and waits for the import.
	 * @return the import's duration from upload to SUCCEEDED, in nanoseconds
	 */
	private long workerKilled(String name, Draft draft, boolean onlyWorker) {
		ParleyApi api = shape.api(1);
		if (onlyWorker) {
			shape.instance(ParleyApp.INGEST_WORKER, 2).stop();
		}
		long started = System.nanoTime();
		UUID id = api.startImport(draft.pdf(), draft.fileName());
		JsonNode atKill = awaitState(api, id, state -> {
			assertThat(state.path("state").asString()).as("the import ended before the kill").isIn("QUEUED", "RUNNING");
			return "EXTRACTING".equals(state.path("stage").asString()) && state.path("percent").asInt() >= 10;
		});
		AppInstance victim = holderOf(id);
		victim.kill();
		long killed = System.nanoTime();
		int executionsAtKill = ledger.jobExecutions(id).size();
		victim.start();
		long[] recovered = { 0 };
		JsonNode done = awaitFinal(api, id, Optional.of(() -> {
			if (recovered[0] == 0 && ledger.jobExecutions(id).size() > executionsAtKill) {
				recovered[0] = System.nanoTime();
			}
		}));
		long finished = System.nanoTime();
		victim.awaitHealthy(ProductionShape.START_TIMEOUT);
		assertImported(draft, id, done);
		List<String> executions = ledger.jobExecutions(id);
		assertThat(executions).as("job executions of the import").endsWith("COMPLETED").containsOnlyOnce("COMPLETED");
		report.add(String.format(
				"%s: killed %s at %s %d%%; job restarted %.1f s after the kill, SUCCEEDED %.1f s after it "
						+ "(import %.1f s in all) by %s; job executions %s; %d sections of %d expected, 1 discussion",
				name, victim.name(), atKill.path("stage").asString(), atKill.path("percent").asInt(),
				seconds(recovered[0] - killed), seconds(finished - killed), seconds(finished - started), finisherOf(id),
				executions, draft.sections().size(), draft.sections().size()));
		return finished - started;
	}

	/**
	 * Follows the import's SSE stream on web 1 while another upload to web 1 is half
	 * sent, kills web 1, follows the stream on web 2 from the last event id, and sends
	 * the cut upload again to web 2.
	 */
	private void webKilled(String name, Draft draft) {
		AppInstance web1 = shape.instance(ParleyApp.WEB, 1);
		AppInstance web2 = shape.instance(ParleyApp.WEB, 2);
		ParleyApi api1 = shape.api(1);
		ParleyApi api2 = shape.api(2);
		String cutName = "cut-" + UUID.randomUUID() + ".pdf";

		UUID id = api1.startImport(draft.pdf(), draft.fileName());
		ProgressStream first = ProgressStream.open(api1.base().resolve("/api/imports/" + id + "/events"),
				api1.authorization(), web1.name(), null);
		CutUpload cut = CutUpload.start(web1, api1.authorization(), cutName, draft.pdf(), 0.5);
		await("a RUNNING event from web 1").atMost(IMPORT_TIMEOUT).pollInterval(Duration.ofMillis(20)).until(() -> {
			assertThat(first.end()).as("stream on web 1 ended before the kill").isNotDone();
			return first.events().stream().anyMatch(event -> "RUNNING".equals(event.state()));
		});
		web1.kill();
		long killed = System.nanoTime();

		ProgressStream.End firstEnd = join(first.end(), Duration.ofSeconds(30));
		assertThat(firstEnd.closed()).as("web 1's stream was cut, not closed: %s", firstEnd.how()).isFalse();
		List<Event> before = first.events();
		String lastEventId = before.get(before.size() - 1).id();
		ProgressStream second = ProgressStream.open(api2.base().resolve("/api/imports/" + id + "/events"),
				api2.authorization(), web2.name(), lastEventId);
		assertThat(cut.awaitCut(30_000)).as("what web 1 answered the cut upload").isEmpty();
		cut.close();
		ProgressStream.End secondEnd = join(second.end(), IMPORT_TIMEOUT);
		assertThat(secondEnd.closed()).as("web 2's stream ended after the final state: %s", secondEnd.how()).isTrue();
		List<Event> after = second.events();
		assertThat(after).as("events from web 2").isNotEmpty();
		List<Event> all = new ArrayList<>(before);
		all.addAll(after);
		assertProgressNeverGoesBack(all);
		assertThat(all.get(all.size() - 1).state()).isEqualTo("SUCCEEDED");
		assertImported(draft, id, api2.importState(id));

		assertThat(ledger.importsNamed(cutName)).as("imports left by the cut upload").isZero();
		UUID retried = api2.startImport(draft.pdf(), cutName);
		assertImported(draft, retried, awaitFinal(api2, retried, Optional.empty()));
		assertThat(ledger.importsNamed(cutName)).as("imports of the upload sent again").isOne();

		long restarting = System.nanoTime();
		web1.start();
		web1.awaitHealthy(ProductionShape.START_TIMEOUT);
		report.add(String
			.format("%s, web killed: %d events from %s (last %s %d%%), then %d from %s, the first %.2f s after the kill "
					+ "(Last-Event-ID %s); progress never back; cut upload left 0 imports, sent again to %s: 1 import, "
					+ "SUCCEEDED; %s healthy again %.1f s after its restart; %d sections of %d expected", name,
					before.size(), web1.name(), before.get(before.size() - 1).state(),
					before.get(before.size() - 1).percent(), after.size(), web2.name(),
					seconds(after.get(0).receivedNanos() - killed), lastEventId, web2.name(), web1.name(),
					seconds(System.nanoTime() - restarting), draft.sections().size(), draft.sections().size()));
	}

	/**
	 * The import ended SUCCEEDED with exactly the draft's outline in exactly one
	 * discussion.
	 */
	private static void assertImported(Draft draft, UUID id, JsonNode done) {
		assertThat(done.path("state").asString()).as("import %s: %s", id, done).isEqualTo("SUCCEEDED");
		assertThat(done.path("percent").asInt()).isEqualTo(100);
		UUID discussion = UUID.fromString(done.path("discussionId").asString());
		assertThat(ledger.discussionsOf(id)).as("discussions of the import").isOne();
		assertThat(ledger.duplicateSectionNumbers(discussion)).as("duplicate section numbers").isZero();
		ParleyApi api = shape.api(2);
		assertThat(api.get(api.base().resolve("/api/discussions/" + discussion)).path("title").asString())
			.isEqualTo(draft.title());
		JsonNode sections = api.sections(discussion);
		List<String> headings = new ArrayList<>();
		for (JsonNode section : sections) {
			headings.add(section.path("number").asInt() + " " + text(section.path("label")) + " "
					+ text(section.path("heading")) + " @" + section.path("level").asInt());
		}
		List<String> expected = new ArrayList<>();
		for (int i = 0; i < draft.sections().size(); i++) {
			Draft.Section section = draft.sections().get(i);
			expected.add((i + 1) + " " + section.label() + " " + section.heading() + " @" + section.level());
		}
		assertThat(headings).as("sections: number, label, heading, level").containsExactlyElementsOf(expected);
		for (int i = 0; i < draft.sections().size(); i++) {
			List<String> paragraphs = new ArrayList<>();
			for (JsonNode paragraph : sections.get(i).path("paragraphs")) {
				paragraphs.add(paragraph.path("kind").asString() + ": " + paragraph.path("text").asString());
			}
			assertThat(paragraphs).as("paragraphs of section %d", i + 1)
				.containsExactlyElementsOf(draft.sections().get(i).paragraphs());
		}
	}

	private static void assertProgressNeverGoesBack(List<Event> events) {
		List<String> order = List.of("QUEUED", "RUNNING", "SUCCEEDED");
		for (int i = 1; i < events.size(); i++) {
			Event previous = events.get(i - 1);
			Event next = events.get(i);
			String step = String.format("event %d (%s %s %d%%) after %s %s %d%%", i + 1, next.source(), next.state(),
					next.percent(), previous.source(), previous.state(), previous.percent());
			assertThat(order.indexOf(next.state())).as(step).isGreaterThanOrEqualTo(order.indexOf(previous.state()));
			assertThat(next.percent()).as(step).isGreaterThanOrEqualTo(previous.percent());
		}
	}

	/**
	 * Polls the import until it is SUCCEEDED or FAILED, running {@code each} on every
	 * poll.
	 */
	private static JsonNode awaitFinal(ParleyApi api, UUID id, Optional<Runnable> each) {
		return awaitState(api, id, state -> {
			each.ifPresent(Runnable::run);
			return state.path("state").asString().matches("SUCCEEDED|FAILED");
		});
	}

	private static JsonNode awaitState(ParleyApi api, UUID id, java.util.function.Predicate<JsonNode> reached) {
		JsonNode[] last = new JsonNode[1];
		await("import " + id).atMost(IMPORT_TIMEOUT).pollInterval(Duration.ofMillis(50)).until(() -> {
			last[0] = api.importState(id);
			return reached.test(last[0]);
		});
		return last[0];
	}

	/**
	 * The ingest-worker whose log, since its last start, has launched the import's job:
	 * the one running it. The other may name the import too: each web's outbox relay can
	 * publish the request, and a worker that gets the second copy logs that it ignores
	 * it.
	 */
	private static AppInstance holderOf(UUID id) {
		List<AppInstance> holders = shape.instances(ParleyApp.INGEST_WORKER)
			.stream()
			.filter(instance -> logSinceStart(instance).lines()
				.anyMatch(line -> line.contains(id.toString())
						&& line.contains("launched with the following parameters")))
			.toList();
		assertThat(holders).as("ingest-workers that log import %s", id).hasSize(1);
		return holders.get(0);
	}

	/** The ingest-worker that logged the end of the import's job as COMPLETED. */
	private static String finisherOf(UUID id) {
		return shape.instances(ParleyApp.INGEST_WORKER)
			.stream()
			.filter(instance -> logSinceStart(instance).contains("Import " + id + " ended with COMPLETED"))
			.map(AppInstance::name)
			.findFirst()
			.orElse("(not logged)");
	}

	private static String logSinceStart(AppInstance instance) {
		try {
			String log = Files.readString(instance.log(), StandardCharsets.UTF_8);
			return log.substring(Math.max(0, log.lastIndexOf("=== starting ")));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static <T> T join(java.util.concurrent.CompletableFuture<T> future, Duration timeout) {
		try {
			return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (ExecutionException | TimeoutException ex) {
			throw new IllegalStateException("Gave up waiting after " + timeout, ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static String text(JsonNode node) {
		return (node.isMissingNode() || node.isNull()) ? null : node.asString();
	}

	private static double seconds(long nanos) {
		return nanos / 1e9;
	}

}
