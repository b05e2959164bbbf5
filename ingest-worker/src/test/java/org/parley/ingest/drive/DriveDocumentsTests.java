package org.parley.ingest.drive;

import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.parley.domain.imports.DocumentFormat;
import org.parley.domain.imports.DocumentRejected;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The real Drive client against a local fake Drive: formats, failures, and each way to
 * authorise.
 */
class DriveDocumentsTests {

	private static final String DOCX = DocumentFormat.DOCX.mediaType();

	private static final UUID ORGANISER = UUID.randomUUID();

	private static final UUID CONNECTED = UUID.randomUUID();

	private final FakeDrive fake = new FakeDrive();

	private final List<Duration> pauses = new ArrayList<>();

	private final List<String> stillTrying = new ArrayList<>();

	@TempDir
	Path temp;

	@AfterEach
	void stopFake() {
		this.fake.close();
	}

	@Test
	void exportsAGoogleDocAsHtmlWithTheApiKeyInTheQuery() throws IOException {
		this.fake.googleDoc("doc1", "Draft strategy", Map.of("text/html", "<html>doc</html>".getBytes()), Set.of());

		FetchedDocument fetched = withApiKey().fetch("doc1", ORGANISER, target(), this::note);

		assertThat(fetched).isEqualTo(new FetchedDocument("Draft strategy", DocumentFormat.GOOGLE_DOCS_HTML));
		assertThat(Files.readString(target())).isEqualTo("<html>doc</html>");
		RecordedRequest export = this.fake.requests().get(1);
		assertThat(export.getUrl().encodedPath()).isEqualTo("/download/drive/v3/files/doc1/export");
		assertThat(export.getUrl().queryParameter("mimeType")).isEqualTo("text/html");
		assertThat(export.getUrl().queryParameter("alt")).isEqualTo("media");
		assertThat(this.fake.requests()).allSatisfy(r -> {
			assertThat(r.getUrl().queryParameter("key")).isEqualTo("test-api-key");
			assertThat(r.getHeaders().get("Authorization")).isNull();
		});
	}

	@Test
	void fallsBackToDocxWhenTheHtmlExportIsTooLarge() throws IOException {
		this.fake.googleDoc("big", "Big draft", Map.of(DOCX, "docx bytes".getBytes()), Set.of("text/html"));

		FetchedDocument fetched = withApiKey().fetch("big", ORGANISER, target(), this::note);

		assertThat(fetched.format()).isEqualTo(DocumentFormat.DOCX);
		assertThat(Files.readString(target())).isEqualTo("docx bytes");
	}

	@Test
	void fallsBackToPdfThenFailsClearlyWhenEveryExportIsTooLarge() {
		this.fake.googleDoc("huge", "Huge draft", Map.of(), Set.of("text/html", DOCX, "application/pdf"));

		assertProblem(() -> withApiKey().fetch("huge", ORGANISER, target(), this::note), "DRIVE_EXPORT_TOO_LARGE");
		assertThat(this.fake.requests()).extracting(r -> r.getUrl().queryParameter("mimeType"))
			.containsExactly(null, "text/html", DOCX, "application/pdf");
	}

	@ParameterizedTest
	@CsvSource({ "application/pdf, PDF",
			"application/vnd.openxmlformats-officedocument.wordprocessingml.document, DOCX",
			"application/vnd.oasis.opendocument.text, ODT",
			"application/vnd.oasis.opendocument.text-flat-xml, FLAT_ODT", "text/markdown, MARKDOWN" })
	void downloadsStoredFilesAsTheyAre(String mimeType, DocumentFormat format) throws IOException {
		this.fake.storedFile("f1", "draft", mimeType, "stored bytes".getBytes());

		FetchedDocument fetched = withApiKey().fetch("f1", ORGANISER, target(), this::note);

		assertThat(fetched.format()).isEqualTo(format);
		assertThat(Files.readString(target())).isEqualTo("stored bytes");
		assertThat(this.fake.requests().get(1).getUrl().queryParameter("alt")).isEqualTo("media");
	}

	@ParameterizedTest
	@CsvSource({ "application/vnd.google-apps.spreadsheet, a Google Sheets spreadsheet",
			"application/vnd.google-apps.folder, a folder", "image/png, an image (image/png)",
			"application/zip, of type application/zip" })
	void refusesOtherTypesNamingThem(String mimeType, String named) {
		this.fake.storedFile("x", "thing", mimeType, new byte[1]);

		DocumentRejected rejected = assertProblem(() -> withApiKey().fetch("x", ORGANISER, target(), this::note),
				"UNSUPPORTED_FORMAT");
		assertThat(rejected.problem().detail()).contains(named);
	}

	@Test
	void unknownFileIsDriveNotFound() {
		assertProblem(() -> withApiKey().fetch("missing", ORGANISER, target(), this::note), "DRIVE_NOT_FOUND");
	}

	@Test
	void forbiddenFileNamesTheServiceAccountToShareWith() throws Exception {
		this.fake.storedFile("private", "secret", "application/pdf", new byte[1])
			.failNext("private", FakeDrive.error(403, "insufficientFilePermissions"));

		DocumentRejected rejected = assertProblem(
				() -> withServiceAccount().fetch("private", ORGANISER, target(), this::note), "DRIVE_FORBIDDEN");
		assertThat(rejected.problem().detail()).contains("parley-importer@parley-test.iam.gserviceaccount.com");
	}

	@Test
	void retriesRateLimitsAndServerErrorsWithGrowingJitteredBackoff() throws IOException {
		this.fake.storedFile("busy", "draft.pdf", "application/pdf", "pdf".getBytes())
			.failNext("busy", FakeDrive.error(403, "userRateLimitExceeded"), FakeDrive.error(429, "rateLimitExceeded"),
					FakeDrive.error(503, "backendError"), FakeDrive.error(403, "rateLimitExceeded"));

		FetchedDocument fetched = withApiKey().fetch("busy", ORGANISER, target(), this::note);

		assertThat(fetched.format()).isEqualTo(DocumentFormat.PDF);
		assertThat(this.stillTrying).containsExactly("2/6", "3/6", "4/6", "5/6");
		assertThat(this.pauses).hasSize(4);
		for (int i = 0; i < this.pauses.size(); i++) {
			long ceiling = Math.min(100, 10L << i);
			assertThat(this.pauses.get(i).toMillis()).isBetween(ceiling / 2, ceiling);
		}
	}

	@Test
	void givesUpClearlyAfterTheLastAttempt() {
		this.fake.storedFile("down", "draft.pdf", "application/pdf", "pdf".getBytes());
		for (int i = 0; i < 6; i++) {
			this.fake.failNext("down", FakeDrive.error(500, "internalError"));
		}

		DocumentRejected rejected = assertProblem(() -> withApiKey().fetch("down", ORGANISER, target(), this::note),
				"DRIVE_UNAVAILABLE");
		assertThat(rejected.problem().detail()).contains("6 tries");
		assertThat(this.fake.requests()).hasSize(6);
	}

	@Test
	void anUnresolvableDriveHostIsUnreachableNotBusy() {
		DriveSettings settings = new DriveSettings(URI.create("http://drive.invalid/"),
				URI.create(this.fake.tokenUrl()), "test-api-key", null, new DriveSettings.OAuth(null, null, null),
				new DriveSettings.Retry(3, Duration.ofMillis(10), Duration.ofMillis(100)), Duration.ofSeconds(10),
				null);
		DriveDocuments drive = new DriveDocuments(DriveAccess.from(settings), settings.retry(), this.pauses::add);

		DocumentRejected rejected = assertProblem(() -> drive.fetch("doc", ORGANISER, target(), this::note),
				"DRIVE_UNREACHABLE");
		assertThat(rejected.problem().title()).doesNotContain("busy");
		assertThat(rejected.problem().detail()).contains("could not reach Google Drive");
		assertThat(this.stillTrying).containsExactly("2/3", "3/3");
	}

	@Test
	void serviceAccountExchangesASignedJwtForATokenAndSendsItAsBearer() throws Exception {
		this.fake.storedFile("f", "draft.pdf", "application/pdf", "pdf".getBytes());

		withServiceAccount().fetch("f", ORGANISER, target(), this::note);

		RecordedRequest token = this.fake.requests().get(0);
		assertThat(token.getUrl().encodedPath()).isEqualTo("/token");
		Map<String, String> form = form(token);
		assertThat(form).containsEntry("grant_type", "urn:ietf:params:oauth:grant-type:jwt-bearer");
		String[] jwt = form.get("assertion").split("\\.");
		Signature rs256 = Signature.getInstance("SHA256withRSA");
		rs256.initVerify(this.serviceAccountKey.getPublic());
		rs256.update((jwt[0] + "." + jwt[1]).getBytes(StandardCharsets.US_ASCII));
		assertThat(rs256.verify(Base64.getUrlDecoder().decode(jwt[2]))).as("signed with the account's key").isTrue();
		String claims = new String(Base64.getUrlDecoder().decode(jwt[1]), StandardCharsets.UTF_8);
		assertThat(claims).contains("parley-importer@parley-test.iam.gserviceaccount.com")
			.contains("https://www.googleapis.com/auth/drive.readonly");
		assertThat(this.fake.requests().subList(1, 3)).allSatisfy(
				r -> assertThat(r.getHeaders().get("Authorization")).isEqualTo("Bearer " + FakeDrive.ACCESS_TOKEN));
	}

	@Test
	void oauthRefreshesTheAccessTokenAndSendsItAsBearer() throws IOException {
		this.fake.storedFile("f", "draft.pdf", "application/pdf", "pdf".getBytes());
		DriveSettings settings = settings(null, null,
				new DriveSettings.OAuth("client-id", "client-secret", "refresh-1"));

		new DriveDocuments(DriveAccess.from(settings), settings.retry(), this.pauses::add).fetch("f", ORGANISER,
				target(), this::note);

		Map<String, String> form = form(this.fake.requests().get(0));
		assertThat(form).containsEntry("grant_type", "refresh_token")
			.containsEntry("refresh_token", "refresh-1")
			.containsEntry("client_id", "client-id")
			.containsEntry("client_secret", "client-secret");
		assertThat(this.fake.requests().subList(1, 3)).allSatisfy(
				r -> assertThat(r.getHeaders().get("Authorization")).isEqualTo("Bearer " + FakeDrive.ACCESS_TOKEN));
	}

	@Test
	void withoutAnyAccessConfiguredItSaysSo() {
		DriveSettings settings = settings(null, null, new DriveSettings.OAuth(null, null, null));
		DriveDocuments drive = new DriveDocuments(DriveAccess.from(settings), settings.retry(), this.pauses::add);

		assertProblem(() -> drive.fetch("f", ORGANISER, target(), this::note), "DRIVE_NOT_CONFIGURED");
		assertThat(this.fake.requests()).isEmpty();
	}

	@Test
	void connectedOrganiserIsServedWithTheirOwnRefreshedTokenInsteadOfTheConfiguredAccess() throws IOException {
		this.fake.storedFile("f", "draft.pdf", "application/pdf", "pdf".getBytes())
			.grants("organiser-refresh", "ya29.organiser-access");
		DriveDocuments drive = withApiKeyAndOneConnectedOrganiser("organiser-refresh");

		drive.fetch("f", CONNECTED, target(), this::note);

		Map<String, String> form = form(this.fake.requests().get(0));
		assertThat(form).containsEntry("grant_type", "refresh_token")
			.containsEntry("refresh_token", "organiser-refresh")
			.containsEntry("client_id", "client-id")
			.containsEntry("client_secret", "client-secret");
		assertThat(this.fake.requests().subList(1, 3)).allSatisfy(r -> {
			assertThat(r.getHeaders().get("Authorization")).isEqualTo("Bearer ya29.organiser-access");
			assertThat(r.getUrl().queryParameter("key")).isNull();
		});
	}

	@Test
	void organiserWithoutAConnectedAccountIsServedWithTheConfiguredAccess() throws IOException {
		this.fake.storedFile("f", "draft.pdf", "application/pdf", "pdf".getBytes());

		withApiKeyAndOneConnectedOrganiser("organiser-refresh").fetch("f", ORGANISER, target(), this::note);

		assertThat(this.fake.requests()).allSatisfy(r -> {
			assertThat(r.getUrl().encodedPath()).isNotEqualTo("/token");
			assertThat(r.getUrl().queryParameter("key")).isEqualTo("test-api-key");
		});
	}

	@Test
	void forbiddenFileOfAConnectedOrganiserNamesTheirGoogleAccount() {
		this.fake.storedFile("private", "secret", "application/pdf", new byte[1])
			.failNext("private", FakeDrive.error(403, "insufficientFilePermissions"));

		DocumentRejected rejected = assertProblem(() -> withApiKeyAndOneConnectedOrganiser("organiser-refresh")
			.fetch("private", CONNECTED, target(), this::note), "DRIVE_FORBIDDEN");
		assertThat(rejected.problem().detail()).contains("ada@example.org").contains("share it with that account");
	}

	@Test
	void revokedRefreshTokenAsksTheOrganiserToConnectAgainWithoutRetrying() {
		this.fake.storedFile("f", "draft.pdf", "application/pdf", "pdf".getBytes()).revoke("organiser-refresh");

		DocumentRejected rejected = assertProblem(() -> withApiKeyAndOneConnectedOrganiser("organiser-refresh")
			.fetch("f", CONNECTED, target(), this::note), "DRIVE_FORBIDDEN");
		assertThat(rejected.problem().detail()).contains("connect Google Drive again");
		assertThat(this.pauses).isEmpty();
		assertThat(this.fake.requests()).extracting(r -> r.getUrl().encodedPath()).containsOnly("/token");
	}

	private DriveDocuments withApiKeyAndOneConnectedOrganiser(String refreshToken) {
		DriveSettings settings = settings("test-api-key", null,
				new DriveSettings.OAuth("client-id", "client-secret", null));
		OrganiserAccounts organisers = organiserId -> CONNECTED.equals(organiserId)
				? Optional.of(DriveAccess.ofOrganiser(settings, refreshToken, "ada@example.org")) : Optional.empty();
		return new DriveDocuments(DriveAccess.from(settings), organisers, settings.retry(), this.pauses::add);
	}

	private KeyPair serviceAccountKey;

	private DriveDocuments withApiKey() {
		DriveSettings settings = settings("test-api-key", null, new DriveSettings.OAuth(null, null, null));
		return new DriveDocuments(DriveAccess.from(settings), settings.retry(), this.pauses::add);
	}

	private DriveDocuments withServiceAccount() throws Exception {
		KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
		generator.initialize(2048);
		this.serviceAccountKey = generator.generateKeyPair();
		String pem = "-----BEGIN PRIVATE KEY-----\\n"
				+ Base64.getEncoder().encodeToString(this.serviceAccountKey.getPrivate().getEncoded())
				+ "\\n-----END PRIVATE KEY-----\\n";
		Path json = this.temp.resolve("service-account.json");
		Files.writeString(json, """
				{"type": "service_account", "project_id": "parley-test", "private_key_id": "key-1",
				 "private_key": "%s", "client_email": "parley-importer@parley-test.iam.gserviceaccount.com",
				 "client_id": "1234567890", "token_uri": "https://oauth2.googleapis.com/token"}""".formatted(pem));
		DriveSettings settings = settings(null, json, new DriveSettings.OAuth(null, null, null));
		return new DriveDocuments(DriveAccess.from(settings), settings.retry(), this.pauses::add);
	}

	private DriveSettings settings(String apiKey, Path serviceAccount, DriveSettings.OAuth oauth) {
		return new DriveSettings(URI.create(this.fake.rootUrl()), URI.create(this.fake.tokenUrl()), apiKey,
				serviceAccount, oauth, new DriveSettings.Retry(6, Duration.ofMillis(10), Duration.ofMillis(100)),
				Duration.ofSeconds(10), null);
	}

	private Path target() {
		return this.temp.resolve("fetched.bin");
	}

	private void note(int attempt, int maxAttempts) {
		this.stillTrying.add(attempt + "/" + maxAttempts);
	}

	private static DocumentRejected assertProblem(org.assertj.core.api.ThrowableAssert.ThrowingCallable call,
			String code) {
		List<DocumentRejected> caught = new ArrayList<>();
		assertThatThrownBy(call).isInstanceOfSatisfying(DocumentRejected.class, rejected -> {
			assertThat(rejected.problem().code()).isEqualTo(code);
			assertThat(rejected.problem().detail()).doesNotContain("Exception");
			caught.add(rejected);
		});
		return caught.get(0);
	}

	private static Map<String, String> form(RecordedRequest request) {
		Map<String, String> form = new java.util.HashMap<>();
		for (String pair : request.getBody().utf8().split("&")) {
			String[] kv = pair.split("=", 2);
			form.put(URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
					(kv.length > 1) ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
		}
		return form;
	}

}
