package org.parley.domain.database;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.parley.domain.test.TestInfrastructure;
import org.parley.domaintests.DomainTestApplication;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.awaitility.Awaitility.await;

@SpringBootTest(classes = DomainTestApplication.class)
class PlannerStatisticsIntegrationTests {

	@DynamicPropertySource
	static void infrastructure(DynamicPropertyRegistry registry) {
		TestInfrastructure.register(registry);
	}

	@Autowired
	PlannerStatistics statistics;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aTableThatGrewIsAnalyzedWhenAutovacuumIsOffAndOtherwiseLeftToTheServer() {
		if (!autovacuumOff()) {
			// H2, or a PostgreSQL whose autovacuum runs: nothing to do, and nothing may
			// fail.
			assertThatNoException().isThrownBy(() -> this.statistics.refresh("outbox_message"));
			return;
		}
		// More than doubles the table, whatever earlier tests left in it.
		int rows = Math.max(1200,
				2 * this.jdbc.sql("select count(*) from outbox_message").query(Integer.class).single() + 600);
		this.jdbc.sql("""
				insert into outbox_message (id, exchange, routing_key, message_type, payload, created_at, attempts,
				    next_attempt_at, published_at)
				select gen_random_uuid(), 'parley.work', 'parley.statistics.test', 'x', '{}', now(), 0, now(), now()
				from generate_series(1, :rows)""").param("rows", rows).update();
		// The server publishes its change counters within a second or so.
		await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(300)).until(() -> {
			this.statistics.refresh("outbox_message");
			return this.jdbc.sql("select reltuples from pg_class where relname = 'outbox_message'")
				.query(Float.class)
				.single() >= rows;
		});
		assertThat(modifiedSinceAnalyze()).as("analyzed: the changes counted since are few").isLessThan(500);

		// Updates do not change a table's size, nor the plans that suit it: no analysis
		// for them.
		this.jdbc.sql("update outbox_message set attempts = attempts + 1 where routing_key = 'parley.statistics.test'")
			.update();
		await().atMost(Duration.ofSeconds(15))
			.pollInterval(Duration.ofMillis(300))
			.until(() -> modifiedSinceAnalyze() >= rows);
		this.statistics.refresh("outbox_message");
		assertThat(modifiedSinceAnalyze()).as("not analyzed for updates").isGreaterThanOrEqualTo(rows);
		assertThatIllegalArgumentException().as("a name that is not a table's is refused before any SQL")
			.isThrownBy(() -> this.statistics.refresh("outbox_message; drop table outbox_message"));
	}

	private long modifiedSinceAnalyze() {
		return this.jdbc.sql("""
				select n_mod_since_analyze from pg_stat_user_tables
				where relname = 'outbox_message' and schemaname = current_schema()""").query(Long.class).single();
	}

	private boolean autovacuumOff() {
		if (!TestInfrastructure.external()) {
			return false;
		}
		return "off".equals(this.jdbc.sql("select current_setting('autovacuum')").query(String.class).single());
	}

}
