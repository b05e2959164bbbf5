package org.parley.domain.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeoutException;

import com.rabbitmq.client.AlreadyClosedException;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.ShutdownSignalException;

import org.apache.qpid.server.SystemLauncher;
import org.parley.domain.messaging.Topology;

import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * Where integration tests find their database and broker. By default (a fresh machine
 * with only a JDK): H2 in PostgreSQL mode and an embedded Qpid broker on a free port,
 * both started once per JVM. With {@code -Dparley.test.infra=external} (CI): the
 * machine's real PostgreSQL and RabbitMQ on their standard ports. There each module's
 * test JVM starts from a clean slate, whatever an earlier module or run left behind: a
 * fresh database of its own ({@code parley_test_<module>}, made from the {@code postgres}
 * database) and empty Parley work queues.
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
		// Several test contexts stay cached at once; small pools keep them under
		// PostgreSQL's
		// connection limit.
		p.put("spring.datasource.hikari.maximum-pool-size", "4");
		p.put("spring.datasource.hikari.minimum-idle", "1");
		if (external()) {
			p.put("spring.datasource.url", moduleDatabase());
			p.put("spring.datasource.username", "postgres");
			p.put("spring.datasource.password", "");
		}
		else {
			// One database per JVM: contexts of the same test run share it, like
			// processes share PostgreSQL.
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
			purgeWorkQueuesOnce();
			p.put("spring.rabbitmq.port", "5672");
			p.put("parley.messaging.broker", "rabbitmq");
		}
		else {
			p.put("spring.rabbitmq.port", String.valueOf(embeddedBrokerPort()));
			p.put("parley.messaging.broker", "qpid");
		}
		return p;
	}

	private static String moduleDatabase;

	private static boolean queuesPurged;

	/** This JVM's own PostgreSQL database, made afresh on first use. */
	private static synchronized String moduleDatabase() {
		String explicit = System.getProperty("parley.test.postgres-url");
		if (explicit != null) {
			return explicit;
		}
		if (moduleDatabase == null) {
			String module = System.getProperty("parley.test.module", "shared").replaceAll("[^A-Za-z0-9]", "_");
			moduleDatabase = freshDatabase("parley_test_" + module);
		}
		return moduleDatabase;
	}

	/**
	 * Drops and creates a database on the local PostgreSQL, ending any session still
	 * connected to it, and returns its JDBC URL.
	 */
	public static String freshDatabase(String name) {
		if (!name.matches("[a-z][a-z0-9_]*")) {
			throw new IllegalArgumentException("Not a plain database name: " + name);
		}
		String server = System.getProperty("parley.test.postgres-server", "jdbc:postgresql://127.0.0.1:5432/");
		try (Connection connection = DriverManager.getConnection(server + "postgres", "postgres", "");
				Statement statement = connection.createStatement()) {
			statement.execute("drop database if exists " + name + " with (force)");
			statement.execute("create database " + name);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Cannot make the test database " + name + " on " + server, ex);
		}
		return server + name;
	}

	/**
	 * Empties the Parley work queues and their dead-letter queues on the real broker,
	 * once per JVM, so that messages an earlier module's tests left behind reach no
	 * consumer of this one.
	 */
	private static synchronized void purgeWorkQueuesOnce() {
		if (queuesPurged) {
			return;
		}
		ConnectionFactory factory = new ConnectionFactory();
		factory.setHost("127.0.0.1");
		factory.setPort(5672);
		factory.setUsername("guest");
		factory.setPassword("guest");
		try (com.rabbitmq.client.Connection connection = factory.newConnection("parley-test-purge")) {
			for (String queue : Topology.WORK_QUEUES) {
				purge(connection, queue);
				purge(connection, Topology.deadLetterQueue(queue));
			}
		}
		catch (IOException | TimeoutException ex) {
			throw new IllegalStateException("Cannot reach RabbitMQ on 127.0.0.1:5672 to empty the test queues", ex);
		}
		queuesPurged = true;
	}

	private static void purge(com.rabbitmq.client.Connection connection, String queue) throws IOException {
		// A channel closes when the queue does not exist yet; a fresh one per queue keeps
		// that local.
		try (Channel channel = connection.createChannel()) {
			channel.queuePurge(queue);
		}
		catch (IOException ex) {
			if (!(ex.getCause() instanceof ShutdownSignalException)) {
				throw ex;
			}
		}
		catch (TimeoutException | AlreadyClosedException ex) {
			// the channel was already closed by the broker's 404 for a queue nobody
			// declared yet
		}
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
						TestInfrastructure.class.getClassLoader()
							.getResource("parley-test-qpid.json")
							.toExternalForm());
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

	/** A TCP port nobody listens on at the moment, for a test server or app to bind. */
	public static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
