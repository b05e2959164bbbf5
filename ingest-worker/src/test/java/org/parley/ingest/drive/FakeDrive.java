package org.parley.ingest.drive;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okio.Buffer;

/**
 * A local stand-in for Google Drive and Google's token endpoint that the real Drive
 * client talks to over HTTP: file metadata, media downloads, Google Doc exports (on the
 * {@code /download/} path the client uses), OAuth token grants, and the errors Drive
 * answers with.
 */
public final class FakeDrive implements Closeable {

	public static final String ACCESS_TOKEN = "ya29.fake-access-token";

	private static final Pattern FILE = Pattern.compile("^(?:/download)?/drive/v3/files/([^/?]+)(/export)?$");

	private final MockWebServer server = new MockWebServer();

	private final Map<String, StoredFile> files = new ConcurrentHashMap<>();

	private final Map<String, Deque<MockResponse>> failures = new ConcurrentHashMap<>();

	private final List<RecordedRequest> requests = new CopyOnWriteArrayList<>();

	private final Map<String, String> grants = new ConcurrentHashMap<>();

	private final Set<String> revoked = ConcurrentHashMap.newKeySet();

	public FakeDrive() {
		this.server.setDispatcher(new Dispatcher() {
			@Override
			public MockResponse dispatch(RecordedRequest request) {
				FakeDrive.this.requests.add(request);
				return answer(request);
			}
		});
		try {
			this.server.start();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The root URL to give the Drive client, ending in a slash. */
	public String rootUrl() {
		return this.server.url("/").toString();
	}

	public String tokenUrl() {
		return this.server.url("/token").toString();
	}

	/** A PDF, DOCX or any other file stored in Drive as it is. */
	public FakeDrive storedFile(String id, String name, String mimeType, byte[] content) {
		this.files.put(id, new StoredFile(name, mimeType, content, Map.of(), Set.of()));
		return this;
	}

	/**
	 * A Google Doc, exportable in the given formats; those in {@code tooLarge} hit the
	 * export limit.
	 */
	public FakeDrive googleDoc(String id, String name, Map<String, byte[]> exports, Set<String> tooLarge) {
		this.files.put(id,
				new StoredFile(name, "application/vnd.google-apps.document", new byte[0], exports, tooLarge));
		return this;
	}

	/**
	 * Grants this access token for this refresh token; others get {@link #ACCESS_TOKEN}.
	 */
	public FakeDrive grants(String refreshToken, String accessToken) {
		this.grants.put(refreshToken, accessToken);
		return this;
	}

	/** Refuses this refresh token as Google does once the user revoked it. */
	public FakeDrive revoke(String refreshToken) {
		this.revoked.add(refreshToken);
		return this;
	}

	/** Answers the next requests about this file with these responses first. */
	public FakeDrive failNext(String id, MockResponse... responses) {
		this.failures.computeIfAbsent(id, k -> new ArrayDeque<>()).addAll(List.of(responses));
		return this;
	}

	public List<RecordedRequest> requests() {
		return List.copyOf(this.requests);
	}

	public static MockResponse error(int status, String reason) {
		String body = """
				{"error": {"code": %d, "message": "%s", "errors": [{"domain": "global", "reason": "%s", "message": "%s"}]}}"""
			.formatted(status, reason, reason, reason);
		return new MockResponse.Builder().code(status)
			.addHeader("Content-Type", "application/json; charset=UTF-8")
			.body(body)
			.build();
	}

	private MockResponse answer(RecordedRequest request) {
		String path = request.getUrl().encodedPath();
		if (path.equals("/token")) {
			String refreshToken = formValue(request, "refresh_token");
			if (refreshToken != null && this.revoked.contains(refreshToken)) {
				return new MockResponse.Builder().code(400)
					.addHeader("Content-Type", "application/json; charset=UTF-8")
					.body("{\"error\": \"invalid_grant\", \"error_description\": \"Token has been expired or revoked.\"}")
					.build();
			}
			String accessToken = (refreshToken != null) ? this.grants.getOrDefault(refreshToken, ACCESS_TOKEN)
					: ACCESS_TOKEN;
			return json(
					"{\"access_token\": \"" + accessToken + "\", \"expires_in\": 3600, \"token_type\": \"Bearer\"}");
		}
		Matcher file = FILE.matcher(path);
		if (!file.matches()) {
			return error(404, "notFound");
		}
		String id = file.group(1);
		Deque<MockResponse> queued = this.failures.get(id);
		if (queued != null) {
			synchronized (queued) {
				if (!queued.isEmpty()) {
					return queued.poll();
				}
			}
		}
		StoredFile stored = this.files.get(id);
		if (stored == null) {
			return error(404, "notFound");
		}
		if (file.group(2) != null) {
			String mimeType = request.getUrl().queryParameter("mimeType");
			if (stored.tooLarge().contains(mimeType)) {
				return error(403, "exportSizeLimitExceeded");
			}
			byte[] export = stored.exports().get(mimeType);
			if (export == null) {
				return error(400, "badRequest");
			}
			return bytes(export, mimeType);
		}
		if ("media".equals(request.getUrl().queryParameter("alt"))) {
			if (stored.mimeType().startsWith("application/vnd.google-apps.")) {
				return error(403, "fileNotDownloadable");
			}
			return bytes(stored.content(), stored.mimeType());
		}
		return json("{\"id\": \"%s\", \"name\": \"%s\", \"mimeType\": \"%s\", \"size\": \"%d\"}".formatted(id,
				stored.name(), stored.mimeType(), stored.content().length));
	}

	private static String formValue(RecordedRequest request, String name) {
		if (request.getBody() == null) {
			return null;
		}
		for (String pair : request.getBody().utf8().split("&")) {
			String[] kv = pair.split("=", 2);
			if (kv.length == 2
					&& java.net.URLDecoder.decode(kv[0], java.nio.charset.StandardCharsets.UTF_8).equals(name)) {
				return java.net.URLDecoder.decode(kv[1], java.nio.charset.StandardCharsets.UTF_8);
			}
		}
		return null;
	}

	private static MockResponse json(String body) {
		return new MockResponse.Builder().code(200)
			.addHeader("Content-Type", "application/json; charset=UTF-8")
			.body(body)
			.build();
	}

	private static MockResponse bytes(byte[] content, String mimeType) {
		return new MockResponse.Builder().code(200)
			.addHeader("Content-Type", mimeType)
			.body(new Buffer().write(content))
			.build();
	}

	@Override
	public void close() {
		this.server.close();
	}

	private record StoredFile(String name, String mimeType, byte[] content, Map<String, byte[]> exports,
			Set<String> tooLarge) {
	}

}
