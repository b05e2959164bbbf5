package org.parley.standalone.production;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A compose {@code env_file}: {@code KEY=VALUE} lines, {@code #} comments and blank
 * lines.
 */
final class EnvFile {

	private EnvFile() {
	}

	static Map<String, String> read(Path file) {
		Map<String, String> variables = new LinkedHashMap<>();
		try {
			for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
				String trimmed = line.strip();
				int equals = trimmed.indexOf('=');
				if (trimmed.isEmpty() || trimmed.startsWith("#") || equals < 1) {
					continue;
				}
				variables.put(trimmed.substring(0, equals).strip(), trimmed.substring(equals + 1).strip());
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return variables;
	}

}
