package org.parley.domain.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One read of a process's {@code /actuator/prometheus}, as Prometheus would scrape it:
 * each series (name and labels, exactly as written) with its value.
 */
public final class Scrape {

	private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final Map<String, Double> series = new LinkedHashMap<>();

	private final String text;

	private Scrape(String text) {
		this.text = text;
		for (String line : text.split("\n")) {
			if (line.isBlank() || line.startsWith("#")) {
				continue;
			}
			int space = line.lastIndexOf(' ');
			this.series.put(line.substring(0, space), Double.valueOf(line.substring(space + 1)));
		}
	}

	/**
	 * Scrapes the process listening at this base URL, for example
	 * {@code http://localhost:8081}.
	 */
	public static Scrape of(String baseUrl) {
		return send(HttpRequest.newBuilder(URI.create(baseUrl + "/actuator/prometheus"))
			.timeout(Duration.ofSeconds(10))
			.build());
	}

	/**
	 * Scrapes with HTTP Basic credentials, as the web's metrics need an organiser.
	 */
	public static Scrape of(String baseUrl, String user, String password) {
		String credentials = java.util.Base64.getEncoder()
			.encodeToString((user + ":" + password).getBytes(java.nio.charset.StandardCharsets.UTF_8));
		return send(HttpRequest.newBuilder(URI.create(baseUrl + "/actuator/prometheus"))
			.header("Authorization", "Basic " + credentials)
			.timeout(Duration.ofSeconds(10))
			.build());
	}

	private static Scrape send(HttpRequest request) {
		try {
			HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
			if (response.statusCode() != 200) {
				throw new IllegalStateException("Scrape answered " + response.statusCode() + ": " + response.body());
			}
			return new Scrape(response.body());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * The value of one series, such as
	 * {@code parley_queue_depth{queue="parley.import.requested"}}, or 0 if absent.
	 */
	public double value(String series) {
		return this.series.getOrDefault(series, 0.0);
	}

	public boolean has(String series) {
		return this.series.containsKey(series);
	}

	public String text() {
		return this.text;
	}

	@Override
	public String toString() {
		return this.text;
	}

}
