package org.parley.standalone;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where standalone mode keeps its data and which local ports it listens on (0 picks a
 * free one).
 *
 * @param overrides settings laid over the embedded connection settings, for example to
 * run the same three apps against a real PostgreSQL and RabbitMQ in tests
 */
public record StandaloneSettings(Path dataDirectory, int webPort, int ingestPort, int invitePort, int amqpPort,
		int smtpPort, Map<String, Object> overrides) {

	public StandaloneSettings {
		overrides = Map.copyOf(overrides);
	}

	static StandaloneSettings fromEnvironment(Map<String, String> env) {
		int web = Integer.parseInt(env.getOrDefault("PARLEY_WEB_PORT", "8080"));
		return new StandaloneSettings(Path.of(env.getOrDefault("PARLEY_DATA_DIR", "data")), web, web + 1, web + 2,
				Integer.parseInt(env.getOrDefault("PARLEY_AMQP_PORT", "5673")),
				Integer.parseInt(env.getOrDefault("PARLEY_SMTP_PORT", "3025")), Map.of());
	}

	/**
	 * The only settings that differ from production: where the database, broker and SMTP
	 * are.
	 */
	Map<String, Object> connectionProperties(Path data) {
		Map<String, Object> p = new LinkedHashMap<>();
		p.put("spring.datasource.url", "jdbc:h2:file:" + data.toAbsolutePath().resolve("parley")
				+ ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_ON_EXIT=FALSE");
		p.put("spring.datasource.username", "sa");
		p.put("spring.datasource.password", "");
		p.put("spring.rabbitmq.host", "127.0.0.1");
		p.put("spring.rabbitmq.port", this.amqpPort);
		p.put("spring.rabbitmq.username", "guest");
		p.put("spring.rabbitmq.password", "guest");
		p.put("parley.messaging.broker", "QPID");
		p.put("spring.mail.host", "127.0.0.1");
		p.put("spring.mail.port", this.smtpPort);
		p.put("parley.import.work-directory", data.toAbsolutePath().resolve("imports").toString());
		p.putAll(this.overrides);
		return p;
	}

}
