package org.parley.standalone.production;

import java.io.IOException;
import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The long form of issue 7's fault scenarios for invitations, on demand (README):
 * campaigns of {@code parley.faults.invitees} (20,000) invitees, several kills of an
 * invite-worker, and the whole RabbitMQ broker restarted when
 * {@code -Dparley.faults.broker=app} (the default restarts only the shape's vhost, as the
 * short form does). The rate ({@code parley.faults.rate}, 250/s) keeps the campaign
 * sending long enough for a killed worker to come back before the next kill.
 */
@Tag("benchmark")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class InvitationFaultBenchmarks {

	static final int INVITEES = Integer.getInteger("parley.faults.invitees", 20_000);

	static final int KILLS = Integer.getInteger("parley.faults.kills", 3);

	static final int RATE_PER_SECOND = Integer.getInteger("parley.faults.rate", 250);

	static final boolean WHOLE_BROKER = "app".equals(System.getProperty("parley.faults.broker", "vhost"));

	static SmtpFaultProxy proxy;

	static ProductionShape shape;

	static InvitationFaultScenarios scenarios;

	@BeforeAll
	static void start() throws IOException {
		String unavailable = ProductionShape.unavailableBecause();
		assumeTrue(unavailable == null, () -> "Fault scenarios skipped: " + unavailable);
		proxy = new SmtpFaultProxy(() -> shape.sink().port());
		// Assigned before it starts, so that a start that fails still stops what did
		// start.
		shape = InvitationFaultScenarios.configure(ProductionShape.with(1, 1, 2), proxy, RATE_PER_SECOND);
		shape.start();
		scenarios = new InvitationFaultScenarios(shape, proxy, Long.getLong("parley.faults.seed", 7),
				Duration.ofMinutes(20));
		scenarios.prepare(InvitationFaultIntegrationTests.sample("doc-office.pdf"));
	}

	@AfterAll
	static void stop() {
		if (scenarios != null) {
			System.out.printf("Fault scenarios, long form (%d invitees, %d/s, seed %d):%n%s", INVITEES, RATE_PER_SECOND,
					Long.getLong("parley.faults.seed", 7), CampaignCounts.table(scenarios.results()));
		}
		if (shape != null) {
			shape.close();
		}
		if (proxy != null) {
			proxy.close();
		}
	}

	@Test
	@Order(1)
	void workerKilledSeveralTimes() {
		InvitationFaultScenarios.assertPasses(scenarios.workerKilled(INVITEES, KILLS));
	}

	@Test
	@Order(2)
	void brokerRestarted() {
		InvitationFaultScenarios.assertPasses(scenarios.brokerRestarted(INVITEES, WHOLE_BROKER, Duration.ofSeconds(3)));
	}

	@Test
	@Order(3)
	void postgresRestarted() {
		String cannot = ServiceFaults.postgresNotRestartableBecause();
		assumeTrue(cannot == null, () -> "PostgreSQL restart skipped: " + cannot);
		InvitationFaultScenarios.assertPasses(scenarios.postgresRestarted(INVITEES));
	}

	@Test
	@Order(4)
	void smtpAnswering421() {
		InvitationFaultScenarios.assertPasses(scenarios.smtpUnavailable(INVITEES, Duration.ofSeconds(10)));
	}

	@Test
	@Order(5)
	void smtpDroppedDuringData() {
		InvitationFaultScenarios.assertPasses(scenarios.smtpDroppedDuringData(INVITEES, 20, 20));
	}

	@Test
	@Order(6)
	void smtpRefusingRecipients() {
		InvitationFaultScenarios.assertPasses(scenarios.smtpRefusesRecipients(INVITEES, 200));
	}

}
