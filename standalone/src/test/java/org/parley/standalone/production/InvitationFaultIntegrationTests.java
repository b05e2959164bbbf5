package org.parley.standalone.production;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The short form of issue 7's fault scenarios for invitations (CI): one fault of each
 * kind on a small campaign, on the production shape with two invite-workers behind the
 * SMTP fault proxy. The global rate stretches each campaign of a few hundred invitees
 * over a few seconds, so the fault lands mid-way. The broker fault is the vhost-scoped
 * one, because this suite runs in every engineer's {@code ./mvnw verify} on a shared
 * broker; the long form ({@link InvitationFaultBenchmarks}) can restart the whole broker.
 * PostgreSQL is restarted for real, briefly.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class InvitationFaultIntegrationTests {

	static final int INVITEES = 300;

	static final int RATE_PER_SECOND = 50;

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
				Duration.ofMinutes(3));
		scenarios.prepare(sample("doc-office.pdf"));
	}

	@AfterAll
	static void stop() {
		if (scenarios != null) {
			System.out.print("Fault scenarios, short form:\n" + CampaignCounts.table(scenarios.results()));
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
	void aKilledInviteWorkerLosesNoInviteeAndDuplicatesOnlyInFlightSends() {
		InvitationFaultScenarios.assertPasses(scenarios.workerKilled(INVITEES, 1));
	}

	@Test
	@Order(2)
	void aBrokerRestartLosesNoInviteeAndSendsNoneTwice() {
		InvitationFaultScenarios.assertPasses(scenarios.brokerRestarted(INVITEES, false, Duration.ofSeconds(3)));
	}

	@Test
	@Order(3)
	void aPostgresRestartLosesNoInviteeAndDuplicatesOnlyInFlightSends() {
		String cannot = ServiceFaults.postgresNotRestartableBecause();
		assumeTrue(cannot == null, () -> "PostgreSQL restart skipped: " + cannot);
		InvitationFaultScenarios.assertPasses(scenarios.postgresRestarted(INVITEES));
	}

	@Test
	@Order(4)
	void aRelayAnswering421ForAWhileDelaysButLosesNothing() {
		InvitationFaultScenarios.assertPasses(scenarios.smtpUnavailable(INVITEES, Duration.ofSeconds(3)));
	}

	@Test
	@Order(5)
	void aConnectionDroppedDuringDataIsSentAgainAndFlaggedAmbiguous() {
		InvitationFaultScenarios.assertPasses(scenarios.smtpDroppedDuringData(INVITEES, 3, 3));
	}

	@Test
	@Order(6)
	void recipientsRefusedWith5xxFailAreSuppressedAndNeverRetried() {
		InvitationFaultScenarios.assertPasses(scenarios.smtpRefusesRecipients(INVITEES, 10));
	}

	static byte[] sample(String name) throws IOException {
		try (InputStream in = InvitationFaultIntegrationTests.class.getResourceAsStream("/samples/" + name)) {
			return in.readAllBytes();
		}
	}

}
