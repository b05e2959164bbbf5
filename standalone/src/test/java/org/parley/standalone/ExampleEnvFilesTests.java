package org.parley.standalone;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.parley.domain.secrets.Secrets;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 15's shipped secrets: the repository carries example env files only, and every
 * secret in them is a placeholder that the apps refuse, so a deployment that copies them
 * unchanged does not start.
 */
class ExampleEnvFilesTests {

	private static final List<String> SECRETS = List.of("SPRING_DATASOURCE_PASSWORD", "SPRING_RABBITMQ_PASSWORD",
			"PARLEY_INVITATION_LINK_SECRET", "PARLEY_ADMIN_PASSWORD", "POSTGRES_PASSWORD", "RABBITMQ_DEFAULT_PASS",
			"PARLEY_DRIVE_TOKEN_ENCRYPTION_KEY");

	@Test
	void everySecretInTheExamplesIsARefusedPlaceholder() throws IOException {
		List<String> found = new ArrayList<>();
		try (Stream<Path> files = Files.list(config())) {
			for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".env.example")).toList()) {
				for (String line : Files.readAllLines(file)) {
					int equals = line.indexOf('=');
					if (line.startsWith("#") || equals < 0 || !SECRETS.contains(line.substring(0, equals))) {
						continue;
					}
					found.add(line.substring(0, equals));
					assertThat(Secrets.isKnown(line.substring(equals + 1))).as(file.getFileName() + ": " + line)
						.isTrue();
				}
			}
		}
		assertThat(found).contains("SPRING_DATASOURCE_PASSWORD", "PARLEY_INVITATION_LINK_SECRET", "POSTGRES_PASSWORD",
				"RABBITMQ_DEFAULT_PASS");
	}

	@Test
	void composeReadsTheCopiedEnvFilesAndPublishesNoManagementUi() throws IOException {
		String compose = Files.readString(config().resolveSibling("compose.yaml"));
		assertThat(compose).doesNotContain("change-me")
			.doesNotContain("mailpit:latest")
			.contains("config/postgres.env", "config/rabbitmq.env", "config/parley.env")
			.contains("\"127.0.0.1:8025:8025\"", "\"127.0.0.1:15672:15672\"");
	}

	private static Path config() {
		Path dir = Path.of("").toAbsolutePath();
		while (dir != null && !Files.isRegularFile(dir.resolve("compose.yaml"))) {
			dir = dir.getParent();
		}
		assertThat(dir).as("the repository's root").isNotNull();
		return dir.resolve("config");
	}

}
