package org.parley.standalone.production;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import org.parley.standalone.production.BatchLedger.Row;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 7's fault scenarios for invitation campaigns, on the production shape: each
 * starts a campaign through the API, injects its fault while the campaign is sending,
 * lets it end, waits until the batch's counts converge, and counts the sink's record
 * against the ledger ({@link CampaignCounts}). Moments are drawn from a seeded
 * {@link Random}, so a failing run can be repeated. The short form (CI) and the long form
 * (on demand) run the same scenarios at different sizes.
 * <p>
 * The shape's invite-workers talk to the sink through {@link SmtpFaultProxy}, with the
 * settings of {@link #configure}: short SMTP timeouts, a lease just above them, and quick
 * retries, so that a scenario recovers in seconds instead of the production defaults'
 * minutes.
 */
final class InvitationFaultScenarios {

	static final String REFUSED_PREFIX = "bounce-";

	/**
	 * Consumers per invite-worker (compose's default): the SMTP transactions one worker
	 * holds.
	 */
	static final int CONSUMERS = 4;

	private final ProductionShape shape;

	private final SmtpFaultProxy proxy;

	private final Random random;

	private final Duration timeout;

	private final BatchLedger ledger;

	private final List<CampaignCounts> results = new ArrayList<>();

	private UUID discussion;

	InvitationFaultScenarios(ProductionShape shape, SmtpFaultProxy proxy, long seed, Duration timeout) {
		this.shape = shape;
		this.proxy = proxy;
		this.random = new Random(seed);
		this.timeout = timeout;
		this.ledger = new BatchLedger(shape.database());
	}

	/**
	 * The invite-workers' settings for the scenarios: mail through the proxy; SMTP
	 * timeouts of 3–5 s and a lease of 10 s (the lease must outlast the longest SMTP
	 * transaction, or a slow send is taken for a crashed one); retries after 1 s up to 4
	 * s; the given global rate over one-second windows, which stretches a small campaign
	 * long enough to hit it mid-way (0: none).
	 */
	static ProductionShape configure(ProductionShape shape, SmtpFaultProxy proxy, int ratePerSecond) {
		// Small pools: the machine's PostgreSQL (100 connections) is shared with other
		// shapes and CI.
		shape.env(ParleyApp.WEB, "SPRING_DATASOURCE_HIKARI_MAXIMUM_POOL_SIZE", "5")
			.env(ParleyApp.INGEST_WORKER, "SPRING_DATASOURCE_HIKARI_MAXIMUM_POOL_SIZE", "4")
			.env(ParleyApp.INVITE_WORKER, "SPRING_DATASOURCE_HIKARI_MAXIMUM_POOL_SIZE", "8");
		return shape.env(ParleyApp.INVITE_WORKER, "SPRING_MAIL_PORT", String.valueOf(proxy.port()))
			.env(ParleyApp.INVITE_WORKER, "SPRING_MAIL_PROPERTIES_MAIL_SMTP_CONNECTIONTIMEOUT", "3000")
			.env(ParleyApp.INVITE_WORKER, "SPRING_MAIL_PROPERTIES_MAIL_SMTP_TIMEOUT", "5000")
			.env(ParleyApp.INVITE_WORKER, "SPRING_MAIL_PROPERTIES_MAIL_SMTP_WRITETIMEOUT", "5000")
			.env(ParleyApp.INVITE_WORKER, "PARLEY_INVITATION_DELIVERY_CONSUMERS", String.valueOf(CONSUMERS))
			.env(ParleyApp.INVITE_WORKER, "PARLEY_INVITATION_DELIVERY_LEASE", "10s")
			.env(ParleyApp.INVITE_WORKER, "PARLEY_INVITATION_DELIVERY_FIRST_RETRY_AFTER", "1s")
			.env(ParleyApp.INVITE_WORKER, "PARLEY_INVITATION_DELIVERY_MAX_RETRY_AFTER", "4s")
			.env(ParleyApp.INVITE_WORKER, "PARLEY_INVITATION_DELIVERY_REDRIVE_AFTER", "1m")
			.env(ParleyApp.INVITE_WORKER, "PARLEY_SMTP_RATE_PER_SECOND", String.valueOf(ratePerSecond))
			.env(ParleyApp.INVITE_WORKER, "PARLEY_INVITATION_DELIVERY_RATE_WINDOW", "1s");
	}

	/** Imports and publishes the sample draft that every campaign invites to. */
	void prepare(byte[] pdf) {
		this.discussion = this.shape.api()
			.publishedDiscussion(pdf, "doc-office.pdf", "Fault scenarios", Duration.ofMinutes(3));
	}

	List<CampaignCounts> results() {
		return List.copyOf(this.results);
	}

	/**
	 * 1. Invite-workers killed with SIGKILL at seeded moments of the campaign, one at a
	 * time, each started again at once (as an orchestrator does) and healthy before the
	 * next kill.
	 */
	CampaignCounts workerKilled(int invitees, int kills) {
		Campaign campaign = start("worker-killed", invitees, 0);
		List<AppInstance> workers = this.shape.instances(ParleyApp.INVITE_WORKER);
		double[] moments = this.random.doubles(kills, 0.1, 0.7).sorted().toArray();
		int done = 0;
		long lastKill = System.nanoTime();
		AppInstance restarting = null;
		for (double moment : moments) {
			if (restarting != null) {
				restarting.awaitHealthy(ProductionShape.START_TIMEOUT);
			}
			if (!campaign.awaitAccepted((int) (moment * invitees))) {
				break;
			}
			AppInstance victim = workers.get(this.random.nextInt(workers.size()));
			victim.kill();
			lastKill = System.nanoTime();
			done++;
			System.out.printf("worker-killed: SIGKILL %s at %d accepted%n", victim.name(), campaign.accepted());
			victim.start();
			restarting = victim;
		}
		assertThat(done).as("kills that landed while the campaign was sending").isPositive();
		CampaignCounts counts = campaign.finish(lastKill, (long) done * CONSUMERS, Set.of());
		restarting.awaitHealthy(ProductionShape.START_TIMEOUT);
		return counts;
	}

	/**
	 * 3. The broker restarted mid-campaign: the whole RabbitMQ application, or only the
	 * shape's vhost (see {@link ServiceFaults}).
	 */
	CampaignCounts brokerRestarted(int invitees, boolean wholeBroker, Duration down) {
		Campaign campaign = start(wholeBroker ? "broker-restarted" : "broker-vhost-restarted", invitees, 0);
		campaign.awaitAccepted(fraction(invitees));
		if (wholeBroker) {
			ServiceFaults.restartBroker(down);
		}
		else {
			ServiceFaults.restartVhost(this.shape.vhost().name(), down);
		}
		long end = System.nanoTime();
		return campaign.finish(end, allConsumers(), Set.of());
	}

	/** 4. PostgreSQL restarted mid-campaign (machine-wide). */
	CampaignCounts postgresRestarted(int invitees) {
		Campaign campaign = start("postgres-restarted", invitees, 0);
		campaign.awaitAccepted(fraction(invitees));
		ServiceFaults.restartPostgres();
		long end = System.nanoTime();
		return campaign.finish(end, allConsumers(), Set.of());
	}

	/** 5a. The relay answers 421 to everything for a while. */
	CampaignCounts smtpUnavailable(int invitees, Duration period) {
		Campaign campaign = start("smtp-421", invitees, 0);
		campaign.awaitAccepted(fraction(invitees));
		long before = this.proxy.answered421();
		this.proxy.serviceUnavailable(true);
		ServiceFaults.hold(period);
		this.proxy.serviceUnavailable(false);
		long end = System.nanoTime();
		assertThat(this.proxy.answered421() - before).as("421 answers given").isPositive();
		// A 421 answers a command before DATA: nothing was accepted that the client was
		// not told of.
		return campaign.finish(end, 0, Set.of());
	}

	/**
	 * 5b. The connection dropped during DATA: some transactions cut after the payload,
	 * before the final dot (the sink has no copy), then some cut after the sink accepted
	 * the message (it has one the worker was not told of, and the worker's second send is
	 * the ambiguous duplicate).
	 */
	CampaignCounts smtpDroppedDuringData(int invitees, int cutsBeforeDot, int cutsAfterDot) {
		Campaign campaign = start("smtp-cut-in-data", invitees, 0);
		long before = this.proxy.cutBeforeDotCount();
		long after = this.proxy.cutAfterDotCount();
		campaign.awaitAccepted(fraction(invitees));
		this.proxy.cutBeforeDot(cutsBeforeDot);
		await("cuts before the dot").atMost(this.timeout)
			.until(() -> this.proxy.cutBeforeDotCount() - before >= cutsBeforeDot);
		this.proxy.cutAfterDot(cutsAfterDot);
		await("cuts after the dot").atMost(this.timeout)
			.until(() -> this.proxy.cutAfterDotCount() - after >= cutsAfterDot);
		long end = System.nanoTime();
		CampaignCounts counts = campaign.finish(end, this.proxy.cutAfterDotCount() - after, Set.of());
		Set<UUID> cut = this.proxy.cutMessageIds().stream().map(CampaignCounts::deliveryId).collect(Collectors.toSet());
		assertThat(this.ledger.rows(campaign.batch)).filteredOn(row -> cut.contains(row.id()))
			.as("rows whose transaction was cut, each flagged ambiguous in the ledger")
			.isNotEmpty()
			.allMatch(Row::ambiguous);
		return counts;
	}

	/**
	 * 5c. The relay refuses some recipients with 550 for the whole campaign: those rows
	 * fail, their addresses are suppressed, and no one sends to them again, not even a
	 * new batch.
	 */
	CampaignCounts smtpRefusesRecipients(int invitees, int refused) {
		Predicate<String> bounces = address -> address.startsWith(REFUSED_PREFIX);
		this.proxy.refuseRecipients(bounces);
		try {
			Campaign campaign = start("smtp-550-recipients", invitees, refused);
			Set<String> refusedKeys = campaign.refusedKeys();
			CampaignCounts counts = campaign.finish(System.nanoTime(), 0, refusedKeys);
			assertThat(counts.refused()).as("rows failed with the relay's 5xx").isEqualTo(refused);
			assertThat(this.ledger.suppressed(refusedKeys)).as("suppressed addresses").isEqualTo(refusedKeys);
			Map<String, Integer> refusals = this.proxy.refusals();
			assertThat(refusedKeys)
				.allSatisfy(key -> assertThat(refusals.get(key)).as("RCPT TO attempts for %s", key).isEqualTo(1));

			String again = "email\n" + String.join("\n", refusedKeys) + "\n";
			UUID second = this.shape.api()
				.invite(this.discussion, again.getBytes(StandardCharsets.UTF_8), "A second try");
			JsonNode done = awaitConverged(second);
			assertThat(done.path("suppressed").asInt()).as("refused addresses in a later batch").isEqualTo(refused);
			assertThat(this.proxy.refusals()).as("RCPT TO attempts after a later batch").isEqualTo(refusals);
			return counts;
		}
		finally {
			this.proxy.refuseRecipients(null);
		}
	}

	/** The pass criteria of issue 7 for one campaign. */
	static void assertPasses(CampaignCounts counts) {
		assertThat(counts.lost()).as(counts.scenario() + ": lost").isZero();
		assertThat(counts.duplicated()).as(counts.scenario() + ": duplicated outside the ambiguous window").isZero();
		assertThat(counts.ambiguous())
			.as(counts.scenario() + ": ambiguous duplicates, at most the transactions in flight")
			.isLessThanOrEqualTo((int) counts.inFlightBound());
		assertThat(counts.notSent()).as(counts.scenario() + ": rows to be mailed not SENT in the ledger").isZero();
		assertThat(counts.refusedDelivered()).as(counts.scenario() + ": refused recipients the sink got").isZero();
		assertThat(counts.ok() + counts.ambiguous()).as(counts.scenario() + ": mailed").isEqualTo(counts.deliverable());
	}

	private long allConsumers() {
		return (long) this.shape.instances(ParleyApp.INVITE_WORKER).size() * CONSUMERS;
	}

	/** A seeded moment between a fifth and a half of the campaign. */
	private int fraction(int invitees) {
		return (int) (invitees * (0.2 + 0.3 * this.random.nextDouble()));
	}

	private Campaign start(String scenario, int invitees, int refused) {
		StringBuilder csv = new StringBuilder("email,name\n");
		List<String> refusedKeys = new ArrayList<>();
		int every = (refused > 0) ? Math.max(1, invitees / refused) : Integer.MAX_VALUE;
		for (int i = 0; i < invitees; i++) {
			csv.append(scenario).append('-').append(i).append("@example.org,Invitee ").append(i).append('\n');
			if (refusedKeys.size() < refused && i % every == 0) {
				String key = REFUSED_PREFIX + scenario + "-" + i + "@example.org";
				refusedKeys.add(key);
				csv.append(key).append(",Bounce ").append(i).append('\n');
			}
		}
		long acceptedBefore = this.shape.sink().accepted();
		UUID batch = this.shape.api()
			.invite(this.discussion, csv.toString().getBytes(StandardCharsets.UTF_8), "Fault scenario " + scenario);
		System.out.printf("%s: batch %s, %d invitees, %d to be refused%n", scenario, batch, invitees, refused);
		return new Campaign(scenario, batch, invitees, acceptedBefore, Set.copyOf(refusedKeys));
	}

	/**
	 * Polls the batch until it is finished and its counts agree with the ledger: they add
	 * up, none is queued, and sent and failed are the ledger's. The web may fail while
	 * the database is down.
	 */
	private JsonNode awaitConverged(UUID batch) {
		JsonNode[] last = new JsonNode[1];
		InvitationLedger statuses = this.shape.ledger();
		await("batch " + batch + " converged").atMost(this.timeout)
			.pollInterval(Duration.ofMillis(250))
			.ignoreExceptions()
			.until(() -> {
				JsonNode b = this.shape.api().batch(batch);
				last[0] = b;
				Map<String, Integer> truth = statuses.statuses(batch);
				int sum = b.path("invalid").asInt() + b.path("duplicates").asInt() + b.path("suppressed").asInt()
						+ b.path("queued").asInt() + b.path("sent").asInt() + b.path("failed").asInt();
				return "SUCCEEDED".equals(b.path("state").asString()) && b.path("queued").asInt() == 0
						&& sum == b.path("total").asInt() && b.path("sent").asInt() == truth.getOrDefault("SENT", 0)
						&& b.path("failed").asInt() == truth.getOrDefault("FAILED", 0)
						&& b.path("suppressed").asInt() == truth.getOrDefault("SUPPRESSED", 0);
			});
		return last[0];
	}

	/**
	 * One campaign of a scenario: its batch and where the sink's count stood when it
	 * began.
	 */
	private final class Campaign {

		private final String scenario;

		final UUID batch;

		private final int invitees;

		private final long acceptedBefore;

		private final Set<String> refusedKeys;

		Campaign(String scenario, UUID batch, int invitees, long acceptedBefore, Set<String> refusedKeys) {
			this.scenario = scenario;
			this.batch = batch;
			this.invitees = invitees;
			this.acceptedBefore = acceptedBefore;
			this.refusedKeys = refusedKeys;
		}

		Set<String> refusedKeys() {
			return this.refusedKeys;
		}

		long accepted() {
			return shape.sink().accepted() - this.acceptedBefore;
		}

		/**
		 * Waits until the sink took this many of the campaign; false if it finished
		 * first.
		 */
		boolean awaitAccepted(int count) {
			await(this.scenario + ": " + count + " accepted").atMost(timeout)
				.pollInterval(Duration.ofMillis(20))
				.until(() -> accepted() >= count);
			return accepted() < this.invitees;
		}

		CampaignCounts finish(long faultEndNanos, long inFlightBound, Set<String> refused) {
			awaitConverged(this.batch);
			long converged = System.nanoTime();
			await(this.scenario + ": sink settled").atMost(Duration.ofMinutes(1))
				.pollInterval(Duration.ofMillis(200))
				.until(() -> System.nanoTime() - shape.sink().lastAcceptedNanos() > Duration.ofSeconds(1).toNanos());
			List<Row> rows = ledger.rows(this.batch);
			Set<UUID> ids = rows.stream().map(Row::id).collect(Collectors.toSet());
			List<SmtpSink.AcceptedMessage> mine = shape.sink()
				.messages()
				.stream()
				.filter(m -> ids.contains(CampaignCounts.deliveryId(m.messageId())))
				.toList();
			Duration lastMessage = Duration.ofNanos(Math.max(0, shape.sink().lastAcceptedNanos() - faultEndNanos));
			Duration convergedAfter = Duration.ofNanos(Math.max(0, converged - faultEndNanos));
			CampaignCounts counts = CampaignCounts.of(this.scenario, rows, mine,
					refused.stream().map(k -> k.toLowerCase(Locale.ROOT)).collect(Collectors.toSet()), inFlightBound,
					lastMessage, convergedAfter);
			results.add(counts);
			System.out.print(CampaignCounts.table(List.of(counts)));
			return counts;
		}

	}

}
