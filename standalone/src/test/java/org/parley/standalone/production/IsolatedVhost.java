package org.parley.standalone.production;

import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A RabbitMQ virtual host of the production shape's own on the machine's broker, made
 * with {@code rabbitmqctl}: its exchanges and quorum queues are apart from CI's and other
 * engineers' {@code parley.*} queues in {@code /}. Deleted and made again at every start,
 * deleted at the end.
 */
final class IsolatedVhost {

	static final String HOST = "127.0.0.1";

	static final int PORT = 5672;

	static final String USER = "guest";

	static final String PASSWORD = "guest";

	private final String name;

	private IsolatedVhost(String name) {
		this.name = name;
	}

	static boolean reachable() {
		boolean hasCtl = Stream.of(System.getenv("PATH").split(":"))
			.anyMatch(d -> Files.isExecutable(Path.of(d, "rabbitmqctl")));
		if (!hasCtl) {
			return false;
		}
		try (Socket socket = new Socket(HOST, PORT)) {
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

	static IsolatedVhost recreate(String name) {
		rabbitmqctl(true, "delete_vhost", name);
		rabbitmqctl(false, "add_vhost", name);
		rabbitmqctl(false, "set_permissions", "-p", name, USER, ".*", ".*", ".*");
		return new IsolatedVhost(name);
	}

	String name() {
		return this.name;
	}

	void delete() {
		rabbitmqctl(true, "delete_vhost", this.name);
	}

	private static void rabbitmqctl(boolean mayFail, String... arguments) {
		List<String> command = new ArrayList<>(List.of("rabbitmqctl", "-q"));
		command.addAll(List.of(arguments));
		try {
			Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
			String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			if (!process.waitFor(60, TimeUnit.SECONDS)) {
				process.destroyForcibly();
				throw new IllegalStateException(command + " did not finish");
			}
			if (process.exitValue() != 0 && !mayFail) {
				throw new IllegalStateException(command + " failed: " + output);
			}
		}
		catch (IOException ex) {
			throw new IllegalStateException(command + " could not run", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(command + " interrupted", ex);
		}
	}

}
