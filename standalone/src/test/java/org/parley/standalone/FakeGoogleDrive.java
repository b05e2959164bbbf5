package org.parley.standalone;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.concurrent.TimeUnit;

import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okio.Buffer;

/**
 * A fake Google Drive for the standalone Parley of the tests: one Google Doc, the
 * sample's export, served slowly enough that the progress page shows the Drive stage.
 */
final class FakeGoogleDrive {

	static final String DOC_ID = "1OgpDraftStrategyFakeDocId";

	private static MockWebServer server;

	private FakeGoogleDrive() {
	}

	static synchronized String rootUrl() {
		if (server == null) {
			server = new MockWebServer();
			server.setDispatcher(new Dispatcher() {
				@Override
				public MockResponse dispatch(RecordedRequest request) {
					String path = request.getUrl().encodedPath();
					if (path.equals("/drive/v3/files/" + DOC_ID)) {
						return new MockResponse.Builder().code(200)
							.addHeader("Content-Type", "application/json")
							.body("{\"id\": \"" + DOC_ID + "\", \"name\": \"Draft OGP Strategy\", "
									+ "\"mimeType\": \"application/vnd.google-apps.document\"}")
							.build();
					}
					if (path.equals("/download/drive/v3/files/" + DOC_ID + "/export")
							&& "text/html".equals(request.getUrl().queryParameter("mimeType"))) {
						return new MockResponse.Builder().code(200)
							.addHeader("Content-Type", "text/html; charset=UTF-8")
							.headersDelay(1500, TimeUnit.MILLISECONDS)
							.body(new Buffer().write(export()))
							.build();
					}
					return new MockResponse.Builder().code(404)
						.addHeader("Content-Type", "application/json")
						.body("{\"error\": {\"code\": 404, \"errors\": [{\"reason\": \"notFound\"}]}}")
						.build();
				}
			});
			try {
				server.start();
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			Runtime.getRuntime().addShutdownHook(new Thread(server::close));
		}
		return server.url("/").toString();
	}

	private static byte[] export() {
		try (InputStream in = FakeGoogleDrive.class.getResourceAsStream("/samples/gdocs-export.html")) {
			return in.readAllBytes();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
