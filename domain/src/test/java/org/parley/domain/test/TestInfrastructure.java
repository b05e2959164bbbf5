package org.parley.domain.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.apache.qpid.server.SystemLauncher;

import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * Where integration tests find their database and broker. By default (a fresh machine with only a
 * JDK): H2 in PostgreSQL mode and an embedded Qpid broker on a free port, both started once per
 * JVM. With {@code -Dparley.test.infra=external} (CI): the machine's real PostgreSQL (database
 * {@code test}) and RabbitMQ on their standard ports.
 */
public final class TestInfrastructure {

	private static Integer qpidPort;

	private TestInfrastructure() {
	}

	public static boolean external() {
		return "external".equals(System.getProperty("parley.test.infra", "embedded"));
	}

	/** Registers the datasource and RabbitMQ connection for a Spring test context. */
	public static void register(DynamicPropertyRegistry registry) {
		databaseProperties().forEach((k, v) -> registry.add(k, () -> v));
		brokerProperties().forEach((k, v) -> registry.add(k, () -> v));
	}

	public static Map<String, String> databaseProperties() {
		Map<String, String> p = new HashMap<>();
		// Several test contexts stay cached at once; small pools keep them under PostgreSQL's
		// connection limit.
		p.put("spring.datasource.hikari.maximum-pool-size", "4");
		p.put("spring.datasource.hikari.minimum-idle", "1");
		if (external()) {
			p.put("spring.datasource.url",
					System.getProperty("parley.test.postgres-url", "jdbc:postgresql://127.0.0.1:5432/test"));
			p.put("spring.datasource.username", "postgres");
			p.put("spring.datasource.password", "");
		}
		else {
			// One database per JVM: contexts of the same test run share it, like processes share PostgreSQL.
			p.put("spring.datasource.url", "jdbc:h2:mem:parley-" + JVM_ID
					+ ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1");
			p.put("spring.datasource.username", "sa");
			p.put("spring.datasource.password", "");
		}
		return p;
	}

	public static Map<String, String> brokerProperties() {
		Map<String, String> p = new HashMap<>();
		p.put("spring.rabbitmq.host", "127.0.0.1");
		p.put("spring.rabbitmq.username", "guest");
		p.put("spring.rabbitmq.password", "guest");
		if (external()) {
			p.put("spring.rabbitmq.port", "5672");
			p.put("parley.messaging.broker", "rabbitmq");
		}
		else {
			p.put("spring.rabbitmq.port", String.valueOf(embeddedBrokerPort()));
			p.put("parley.messaging.broker", "qpid");
		}
		return p;
	}

	private static final String JVM_ID = UUID.randomUUID().toString().substring(0, 8);

	public static synchronized int embeddedBrokerPort() {
		if (qpidPort == null) {
			int port = freePort();
			try {
				Path work = Files.createTempDirectory("parley-qpid");
				Map<String, Object> attributes = new HashMap<>();
				attributes.put("type", "Memory");
				attributes.put("initialConfigurationLocation",
						TestInfrastructure.class.getClassLoader().getResource("parley-test-qpid.json").toExternalForm());
				attributes.put("startupLoggedToSystemOut", false);
				attributes.put("context", Map.of("qpid.amqp_port", String.valueOf(port), "qpid.work_dir",
						work.toString(), "qpid.home_dir", work.toString()));
				SystemLauncher launcher = new SystemLauncher();
				launcher.startup(attributes);
				Runtime.getRuntime().addShutdownHook(new Thread(launcher::shutdown));
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			catch (Exception ex) { // SystemLauncher.startup declares Exception
				throw new IllegalStateException("Embedded AMQP broker did not start", ex);
			}
			qpidPort = port;
		}
		return qpidPort;
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
