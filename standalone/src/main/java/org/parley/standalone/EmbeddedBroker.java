package org.parley.standalone;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.Map;

import org.apache.qpid.server.SystemLauncher;

/**
 * Qpid Broker-J speaking AMQP 0-9-1 on loopback, with guest/guest like a fresh RabbitMQ.
 */
final class EmbeddedBroker implements AutoCloseable {

	private final SystemLauncher launcher = new SystemLauncher();

	private EmbeddedBroker() {
	}

	/**
	 * @throws Exception whatever Qpid's launcher throws: it declares no narrower type
	 */
	static EmbeddedBroker start(int port, Path workDirectory) throws Exception {
		EmbeddedBroker broker = new EmbeddedBroker();
		Map<String, Object> attributes = new HashMap<>();
		attributes.put("type", "Memory");
		// Qpid reads both through URL handlers of its own that a nested (executable) jar
		// cannot
		// register, so they are handed over as plain files.
		attributes.put("initialConfigurationLocation", copyToFile("parley-qpid.json", workDirectory));
		attributes.put("initialSystemPropertiesLocation", copyToFile("parley-qpid-system.properties", workDirectory));
		attributes.put("startupLoggedToSystemOut", false);
		attributes.put("context", Map.of("qpid.amqp_port", String.valueOf(port), "qpid.work_dir",
				workDirectory.toString(), "qpid.home_dir", workDirectory.toString()));
		broker.launcher.startup(attributes);
		return broker;
	}

	private static String copyToFile(String resource, Path directory) {
		Path file = directory.resolve(resource);
		try (InputStream in = EmbeddedBroker.class.getClassLoader().getResourceAsStream(resource)) {
			Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not write the embedded broker's " + resource, ex);
		}
		return file.toUri().toString();
	}

	@Override
	public void close() {
		this.launcher.shutdown();
	}

}
