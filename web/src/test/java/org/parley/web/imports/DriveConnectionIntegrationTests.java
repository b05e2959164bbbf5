package org.parley.web.imports;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.parley.domain.drive.DriveAuthorization;
import org.parley.domain.drive.DriveAuthorizationRepository;
import org.parley.domain.drive.TokenCipher;
import org.parley.domain.organiser.OrganiserRepository;
import org.parley.web.TestOrganisers;
import org.parley.web.WebIntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.web.util.UriComponents;
import org.springframework.web.util.UriComponentsBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

/**
 * "Connect Google Drive" over HTTP against a fake Google: the redirect to the
 * authorization endpoint, the code exchanged at a fake token endpoint, and the refresh
 * token stored sealed. No access for everyone is configured, so Drive imports depend on
 * the organiser's connection.
 */
@WebIntegrationTest
class DriveConnectionIntegrationTests {

	private static final String KEY = Base64.getEncoder().encodeToString("0123456789abcdef0123456789abcdef".getBytes());

	private static final String REFRESH_TOKEN = "1//0g-refresh-token-from-fake-google";

	private static final String EMAIL = "drive-organiser@parley.test";

	private static final String PASSWORD = "drive-secret";

	private static final MockWebServer google = new MockWebServer();

	private static final List<RecordedRequest> requests = new CopyOnWriteArrayList<>();

	@DynamicPropertySource
	static void infrastructure(DynamicPropertyRegistry registry) throws IOException {
		google.setDispatcher(new Dispatcher() {
			@Override
			public MockResponse dispatch(RecordedRequest request) {
				requests.add(request);
				return answer(request);
			}
		});
		google.start();
		registry.add("parley.drive.oauth.client-id", () -> "parley-client-id");
		registry.add("parley.drive.oauth.client-secret", () -> "parley-client-secret");
		registry.add("parley.drive.oauth.authorization-url", () -> google.url("/o/oauth2/v2/auth").toString());
		registry.add("parley.drive.token-url", () -> google.url("/token").toString());
		registry.add("parley.drive.root-url", () -> google.url("/").toString());
		registry.add("parley.drive.token-encryption-key", () -> KEY);
	}

	@AfterAll
	static void stopGoogle() {
		google.close();
	}

	@Autowired
	MockMvcTester mvc;

	@Autowired
	OrganiserRepository organisers;

	@Autowired
	DriveAuthorizationRepository authorizations;

	@Autowired
	PasswordEncoder passwords;

	@Autowired
	JdbcClient jdbc;

	private UUID organiserId;

	@BeforeEach
	void organiserWithoutDrive() {
		this.organiserId = TestOrganisers.ensure(this.organisers, this.passwords, EMAIL, PASSWORD, "Ada");
		this.authorizations.remove(this.organiserId);
		requests.clear();
	}

	@Test
	void connectSendsTheOrganiserToGoogleForReadOnlyDriveWithOfflineAccessAndConsent() {
		MvcTestResult result = this.mvc.get().uri("/oauth2/authorization/google-drive").session(signedIn()).exchange();

		assertThat(result).hasStatus(302);
		UriComponents location = UriComponentsBuilder.fromUriString(result.getResponse().getRedirectedUrl()).build();
		assertThat(location.getPath()).isEqualTo("/o/oauth2/v2/auth");
		Map<String, String> query = decoded(location);
		assertThat(query).containsEntry("response_type", "code")
			.containsEntry("client_id", "parley-client-id")
			.containsEntry("scope", "https://www.googleapis.com/auth/drive.readonly")
			.containsEntry("access_type", "offline")
			.containsEntry("prompt", "consent")
			.containsEntry("redirect_uri", "http://localhost/imports/drive/connected")
			.containsEntry("code_challenge_method", "S256")
			.containsKey("state");
	}

	@Test
	void visitorWhoIsNotSignedInIsSentToSignInNotToGoogle() {
		MvcTestResult result = this.mvc.get()
			.uri("/oauth2/authorization/google-drive")
			.accept(MediaType.TEXT_HTML)
			.exchange();

		assertThat(result).hasStatus(302);
		assertThat(result.getResponse().getRedirectedUrl()).endsWith("/login");
		assertThat(requests).isEmpty();
	}

	@Test
	void callbackExchangesTheCodeAndStoresTheRefreshTokenSealed() {
		MockHttpSession session = signedIn();
		String state = startConnecting(session);

		MvcTestResult callback = this.mvc.get()
			.uri("/imports/drive/connected?code=fake-code-1&state=" + state)
			.session(session)
			.exchange();

		assertThat(callback).hasStatus(302);
		RecordedRequest token = requests.stream()
			.filter(r -> r.getUrl().encodedPath().equals("/token"))
			.findFirst()
			.orElseThrow();
		Map<String, String> form = form(token);
		assertThat(form).containsEntry("grant_type", "authorization_code")
			.containsEntry("code", "fake-code-1")
			.containsEntry("redirect_uri", "http://localhost/imports/drive/connected")
			.containsKey("code_verifier");
		assertThat(token.getHeaders().get("Authorization")).isEqualTo(
				"Basic " + Base64.getEncoder().encodeToString("parley-client-id:parley-client-secret".getBytes()));

		DriveAuthorization stored = this.authorizations.findByOrganiser(this.organiserId).orElseThrow();
		assertThat(stored.googleAccount()).isEqualTo("ada@example.org");
		assertThat(stored.scope()).isEqualTo("https://www.googleapis.com/auth/drive.readonly");
		assertThat(TokenCipher.fromBase64Key(KEY).open(stored.refreshToken(), this.organiserId))
			.isEqualTo(REFRESH_TOKEN);
		assertThat(rowAsText()).doesNotContain(REFRESH_TOKEN).doesNotContain("0g-refresh");

		String landing = callback.getResponse().getRedirectedUrl();
		MvcTestResult after = this.mvc.get().uri(landing).session(session).exchange();
		assertThat(after).hasStatus(302);
		assertThat(after.getResponse().getRedirectedUrl()).isEqualTo("/imports/new?drive=connected");
		assertThat(this.mvc.get().uri("/imports/new?drive=connected").with(httpBasic(EMAIL, PASSWORD))).hasStatusOk()
			.bodyText()
			.contains("Google Drive is connected")
			.contains("Connected as <strong>ada@example.org</strong>")
			.contains("Disconnect")
			.contains("name=\"driveUrl\"")
			.doesNotContain("Connect Google Drive");
	}

	@Test
	void organiserWhoRefusesAtGoogleIsToldSoAndNothingIsStored() {
		MockHttpSession session = signedIn();
		String state = startConnecting(session);

		MvcTestResult callback = this.mvc.get()
			.uri("/imports/drive/connected?error=access_denied&state=" + state)
			.session(session)
			.exchange();
		MvcTestResult landing = this.mvc.get()
			.uri(callback.getResponse().getRedirectedUrl())
			.session(session)
			.exchange();

		assertThat(landing.getResponse().getRedirectedUrl()).isEqualTo("/imports/new?drive=refused");
		assertThat(this.authorizations.findByOrganiser(this.organiserId)).isEmpty();
		assertThat(requests).noneMatch(r -> r.getUrl().encodedPath().equals("/token"));
	}

	@Test
	void withoutAConnectionTheImportPageOffersToConnectAndDriveImportsAreRefused() {
		assertThat(this.mvc.get().uri("/imports/new").with(httpBasic(EMAIL, PASSWORD))).hasStatusOk()
			.bodyText()
			.contains("Connect Google Drive")
			.contains("href=\"/oauth2/authorization/google-drive\"")
			.contains("connect your Google account first")
			.doesNotContain("name=\"driveUrl\"")
			.doesNotContain("is not set up on this Parley");

		MvcTestResult refused = this.mvc.post()
			.uri("/api/imports")
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"driveFileId\": \"1AbCdEfGhIjKlMnOp_qrs-TUV\"}")
			.with(httpBasic(EMAIL, PASSWORD))
			.exchange();
		assertThat(refused).hasStatus(503);
		assertThat(refused).bodyJson().extractingPath("$.code").isEqualTo("DRIVE_NOT_CONFIGURED");
		assertThat(refused).bodyJson().extractingPath("$.detail").asString().contains("connect Google Drive");
	}

	@Test
	void connectedOrganiserCanImportFromDriveAndDisconnect() {
		this.authorizations.save(new DriveAuthorization(this.organiserId, "ada@example.org",
				TokenCipher.fromBase64Key(KEY).seal(REFRESH_TOKEN, this.organiserId), null, OffsetDateTime.now()));

		assertThat(this.mvc.post()
			.uri("/api/imports")
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"driveFileId\": \"1AbCdEfGhIjKlMnOp_qrs-TUV\"}")
			.with(httpBasic(EMAIL, PASSWORD))).hasStatus(202);

		MvcTestResult disconnected = this.mvc.post()
			.uri("/imports/drive/disconnect")
			.with(httpBasic(EMAIL, PASSWORD))
			.with(csrf())
			.exchange();
		assertThat(disconnected.getResponse().getRedirectedUrl()).isEqualTo("/imports/new?drive=disconnected");
		assertThat(this.authorizations.findByOrganiser(this.organiserId)).isEmpty();
		assertThat(this.mvc.get().uri("/imports/new?drive=disconnected").with(httpBasic(EMAIL, PASSWORD))).bodyText()
			.contains("Google Drive is disconnected")
			.contains("Connect Google Drive");
	}

	/**
	 * Signs in with the form, as organisers do: the OAuth flow runs inside that session.
	 */
	private MockHttpSession signedIn() {
		MockHttpSession session = new MockHttpSession();
		MvcTestResult login = this.mvc.post()
			.uri("/login")
			.param("username", EMAIL)
			.param("password", PASSWORD)
			.with(csrf())
			.session(session)
			.exchange();
		assertThat(login).hasStatus(302);
		assertThat(login.getResponse().getRedirectedUrl()).doesNotContain("error");
		return session;
	}

	private String startConnecting(MockHttpSession session) {
		MvcTestResult redirect = this.mvc.get().uri("/oauth2/authorization/google-drive").session(session).exchange();
		assertThat(redirect).hasStatus(302);
		return decoded(UriComponentsBuilder.fromUriString(redirect.getResponse().getRedirectedUrl()).build())
			.get("state");
	}

	private String rowAsText() {
		Map<String, Object> row = this.jdbc.sql("select * from drive_authorization where organiser_id = :id")
			.param("id", this.organiserId)
			.query()
			.singleRow();
		StringBuilder text = new StringBuilder();
		row.values()
			.forEach(value -> text
				.append((value instanceof byte[] bytes) ? new String(bytes, StandardCharsets.ISO_8859_1)
						: String.valueOf(value))
				.append('|'));
		return text.toString();
	}

	private static MockResponse answer(RecordedRequest request) {
		String path = request.getUrl().encodedPath();
		if (path.equals("/token")) {
			return json("""
					{"access_token": "ya29.fake-access", "token_type": "Bearer", "expires_in": 3599,
					 "refresh_token": "%s", "scope": "https://www.googleapis.com/auth/drive.readonly"}"""
				.formatted(REFRESH_TOKEN));
		}
		if (path.equals("/drive/v3/about")
				&& "Bearer ya29.fake-access".equals(request.getHeaders().get("Authorization"))) {
			return json("{\"user\": {\"emailAddress\": \"ada@example.org\"}}");
		}
		return new MockResponse.Builder().code(404).build();
	}

	private static MockResponse json(String body) {
		return new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json").body(body).build();
	}

	private static Map<String, String> decoded(UriComponents uri) {
		Map<String, String> query = new HashMap<>();
		uri.getQueryParams()
			.forEach((name, values) -> query.put(name, URLDecoder.decode(values.get(0), StandardCharsets.UTF_8)));
		return query;
	}

	private static Map<String, String> form(RecordedRequest request) {
		Map<String, String> form = new HashMap<>();
		for (String pair : request.getBody().utf8().split("&")) {
			String[] kv = pair.split("=", 2);
			form.put(URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
					(kv.length > 1) ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
		}
		return form;
	}

}
