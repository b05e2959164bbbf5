package org.parley.web.system;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.parley.web.TestInfrastructureProperties;
import org.parley.web.TestOrganisers;
import org.parley.web.WebApplication;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ContextConfiguration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A client that is not a configured proxy cannot claim another host or HTTPS with
 * forwarded headers: here only 192.0.2.1 is a proxy, and the test connects from loopback.
 */
@SpringBootTest(classes = WebApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "spring.config.name=" + WebApplication.CONFIG_NAME, "parley.admin.email=" + TestOrganisers.ADMIN,
				"parley.admin.password=" + TestOrganisers.ADMIN_PASSWORD, "parley.secrets.generate-missing=true",
				"parley.web.trusted-proxies=192.0.2.1/32" })
@ContextConfiguration(initializers = TestInfrastructureProperties.class)
class UntrustedProxyIntegrationTests {

	@LocalServerPort
	int port;

	@Test
	void forwardedHeadersFromAnyoneButTheProxiesAreIgnored() throws Exception {
		HttpResponse<String> response = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/imports/new"))
				.header("X-Forwarded-Proto", "https")
				.header("X-Forwarded-Host", "evil.example")
				.header("X-Forwarded-For", "203.0.113.9")
				.GET()
				.build(), HttpResponse.BodyHandlers.ofString());

		assertThat(response.statusCode()).isEqualTo(302);
		assertThat(response.headers().firstValue("Location"))
			.hasValueSatisfying(v -> assertThat(v).doesNotContain("evil.example").doesNotStartWith("https:"));
		assertThat(response.headers().allValues("Set-Cookie")).noneMatch(c -> c.contains("Secure"));
		assertThat(response.headers().firstValue("Strict-Transport-Security")).isEmpty();
	}

}
