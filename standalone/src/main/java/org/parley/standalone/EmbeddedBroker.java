package org.parley.standalone;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import org.apache.qpid.server.SystemLauncher;

/** Qpid Broker-J speaking AMQP 0-9-1 on loopback, with guest/guest like a fresh RabbitMQ. */
final class EmbeddedBroker implements AutoCloseable {

	private final SystemLauncher launcher = new SystemLauncher();

	private EmbeddedBroker() {
	}

	static EmbeddedBroker start(int port, Path workDirectory) {
		EmbeddedBroker broker = new EmbeddedBroker();
		Map<String, Object> attributes = new HashMap<>();
		attributes.put("type", "Memory");
		attributes.put("initialConfigurationLocation",
				EmbeddedBroker.class.getClassLoader().getResource("parley-qpid.json").toExternalForm());
		attributes.put("startupLoggedToSystemOut", false);
		attributes.put("context", Map.of("qpid.amqp_port", String.valueOf(port), "qpid.work_dir",
				workDirectory.toString(), "qpid.home_dir", workDirectory.toString()));
		try {
			broker.launcher.startup(attributes);
		}
		catch (Exception ex) { // SystemLauncher.startup declares Exception
			throw new IllegalStateException("The embedded AMQP broker did not start on port " + port, ex);
		}
		return broker;
	}

	@Override
	public void close() {
		this.launcher.shutdown();
	}

}
