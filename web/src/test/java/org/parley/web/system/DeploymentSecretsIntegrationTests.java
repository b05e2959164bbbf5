package org.parley.web.system;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.parley.domain.secrets.SecretRejected;
import org.parley.domain.test.TestInfrastructure;
import org.parley.web.WebApplication;

import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Issue 15's shipped secrets: the web as production starts it (no
 * {@code parley.secrets.generate-missing}) refuses a missing link secret, the placeholder
 * the repository once shipped, and a default admin password, naming the variable to set;
 * with real secrets it starts.
 */
class DeploymentSecretsIntegrationTests {

	private static final String SECRET = "Vq3l0T9x0y3Qk8sWJ2m6bN1cR7eU4aZ5hG0fD2iP8oLs";

	@Test
	void refusesToStartWithoutALinkSecret() {
		assertThatThrownBy(() -> start(Map.of())).satisfies(ex -> assertThat(rejected(ex).variable())
			.containsAnyOf("PARLEY_LINKS_SECRET", "PARLEY_INVITATION_LINK_SECRET"));
	}

	@Test
	void refusesToStartWithThePublishedPlaceholderSecret() {
		String placeholder = "change-me-to-a-long-random-secret-of-48-characters";
		assertThatThrownBy(
				() -> start(Map.of("parley.invitation.link-secret", placeholder, "parley.links.secret", placeholder)))
			.satisfies(ex -> assertThat(rejected(ex).getMessage()).contains("PARLEY_")
				.contains("openssl rand -base64 32")
				.doesNotContain(placeholder));
	}

	@Test
	void refusesToStartWithTheDefaultAdminPassword() {
		assertThatThrownBy(() -> start(Map.of("parley.invitation.link-secret", SECRET, "parley.links.secret", SECRET,
				"parley.admin.password", "change-me")))
			.satisfies(ex -> assertThat(rejected(ex).variable()).isEqualTo("PARLEY_ADMIN_PASSWORD"));
	}

	@Test
	void startsWithSecretsOfItsOwn() {
		try (ConfigurableApplicationContext web = start(Map.of("parley.invitation.link-secret", SECRET,
				"parley.links.secret", SECRET, "parley.admin.password", "an-admin-password-of-its-own"))) {
			assertThat(web.isRunning()).isTrue();
		}
	}

	private static ConfigurableApplicationContext start(Map<String, Object> secrets) {
		Map<String, Object> properties = new HashMap<>(TestInfrastructure.databaseProperties());
		properties.putAll(TestInfrastructure.brokerProperties());
		properties.put("server.port", 0);
		properties.put("parley.admin.email", "secrets-admin@parley.test");
		properties.put("parley.admin.password", "");
		properties.putAll(secrets);
		return WebApplication.builder()
			.initializers(context -> context.getEnvironment()
				.getPropertySources()
				.addFirst(new org.springframework.core.env.MapPropertySource("secrets-test", properties)))
			.run();
	}

	private static SecretRejected rejected(Throwable failure) {
		for (Throwable t = failure; t != null; t = t.getCause()) {
			if (t instanceof SecretRejected rejected) {
				return rejected;
			}
		}
		throw new AssertionError("Not refused for a secret", failure);
	}

}
