package org.parley.web.system;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.parley.domain.organiser.OrganiserRepository;
import org.parley.web.TestInfrastructureProperties;
import org.parley.web.TestOrganisers;
import org.parley.web.WebApplication;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.ContextConfiguration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The web on a real Tomcat behind an HTTPS proxy on loopback (trusted by default), and
 * the refusals only the container sees: a multipart upload over the limit and a path
 * nothing serves.
 */
@SpringBootTest(classes = WebApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "spring.config.name=" + WebApplication.CONFIG_NAME, "parley.admin.email=" + TestOrganisers.ADMIN,
				"parley.admin.password=" + TestOrganisers.ADMIN_PASSWORD, "parley.secrets.generate-missing=true",
				"parley.upload.max-file-size=2MB" })
@ContextConfiguration(initializers = TestInfrastructureProperties.class)
class BehindAProxyIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	OrganiserRepository organisers;

	@Autowired
	PasswordEncoder passwords;

	final HttpClient http = HttpClient.newHttpClient();

	@Test
	void theSessionCookieIsSecureWhenTheTrustedProxySaysHttps() throws Exception {
		HttpResponse<String> response = send(HttpRequest.newBuilder(url("/imports/new"))
			.header("X-Forwarded-Proto", "https")
			.header("X-Forwarded-Host", "parley.example")
			.GET());

		assertThat(response.statusCode()).isEqualTo(302);
		assertThat(response.headers().firstValue("Location")).hasValue("https://parley.example/login");
		List<String> cookies = response.headers().allValues("Set-Cookie");
		assertThat(cookies).filteredOn(c -> c.startsWith("JSESSIONID=")).singleElement().satisfies(c -> {
			assertThat(c).containsIgnoringCase("; Secure").containsIgnoringCase("HttpOnly");
		});
		assertThat(cookies).filteredOn(c -> c.startsWith("XSRF-TOKEN=")).allMatch(c -> c.contains("Secure"));
		assertThat(response.headers().firstValue("Strict-Transport-Security")).isPresent();
	}

	@Test
	void anUploadOverTheLimitIsFileTooLarge() throws Exception {
		TestOrganisers.ensureAdmin(this.organisers, this.passwords);
		String boundary = "parley-boundary";
		byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"big.pdf\"\r\n"
				+ "Content-Type: application/pdf\r\n\r\n%PDF-1.7\n")
			.getBytes(StandardCharsets.US_ASCII);
		byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII);
		byte[] body = new byte[head.length + 3 * 1024 * 1024 + tail.length];
		System.arraycopy(head, 0, body, 0, head.length);
		System.arraycopy(tail, 0, body, body.length - tail.length, tail.length);

		HttpResponse<String> response = send(HttpRequest.newBuilder(url("/api/imports"))
			.header("Authorization", basic())
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(HttpRequest.BodyPublishers.ofByteArray(body)));

		assertThat(response.statusCode()).as(response.headers() + response.body()).isEqualTo(413);
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying(v -> assertThat(v).startsWith("application/problem+json"));
		assertThat(response.body()).contains("\"code\":\"FILE_TOO_LARGE\"").doesNotContain("Exception");
	}

	@Test
	void aPathNothingServesIsAProblemForTheApiAndAPageForPeople() throws Exception {
		TestOrganisers.ensureAdmin(this.organisers, this.passwords);

		HttpResponse<String> api = send(
				HttpRequest.newBuilder(url("/api/no-such-thing")).header("Authorization", basic()).GET());
		HttpResponse<String> page = send(
				HttpRequest.newBuilder(url("/no-such-page")).header("Authorization", basic()).GET());

		assertThat(api.statusCode()).isEqualTo(404);
		assertThat(api.headers().firstValue("Content-Type"))
			.hasValueSatisfying(v -> assertThat(v).startsWith("application/problem+json"));
		assertThat(api.body()).contains("\"code\":\"NOT_FOUND\"");
		assertThat(page.statusCode()).isEqualTo(404);
		assertThat(page.headers().firstValue("Content-Type"))
			.hasValueSatisfying(v -> assertThat(v).startsWith("text/html"));
		assertThat(page.body()).doesNotContain("Whitelabel").doesNotContain("\"trace\"");
	}

	@Test
	void aMethodTheApiDoesNotTakeIsAProblem() throws Exception {
		TestOrganisers.ensureAdmin(this.organisers, this.passwords);

		HttpResponse<String> response = send(HttpRequest.newBuilder(url("/api/discussions"))
			.header("Authorization", basic())
			.method("PUT", HttpRequest.BodyPublishers.noBody()));

		assertThat(response.statusCode()).isEqualTo(405);
		assertThat(response.body()).contains("\"code\":\"METHOD_NOT_ALLOWED\"");
	}

	private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private URI url(String path) {
		return URI.create("http://127.0.0.1:" + this.port + path);
	}

	private static String basic() {
		return "Basic " + Base64.getEncoder()
			.encodeToString(
					(TestOrganisers.ADMIN + ":" + TestOrganisers.ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8));
	}

}
