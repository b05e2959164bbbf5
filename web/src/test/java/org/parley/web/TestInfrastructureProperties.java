package org.parley.web;

import java.util.HashMap;
import java.util.Map;

import org.parley.domain.test.TestInfrastructure;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * Points every {@link WebIntegrationTest} context at the test database and broker of
 * {@link TestInfrastructure}, ahead of every other property source, as a
 * {@code @DynamicPropertySource} in each test class would.
 */
public class TestInfrastructureProperties implements ApplicationContextInitializer<ConfigurableApplicationContext> {

	@Override
	public void initialize(ConfigurableApplicationContext context) {
		Map<String, Object> properties = new HashMap<>(TestInfrastructure.databaseProperties());
		properties.putAll(TestInfrastructure.brokerProperties());
		context.getEnvironment()
			.getPropertySources()
			.addFirst(new MapPropertySource("parley-test-infrastructure", properties));
	}

}
