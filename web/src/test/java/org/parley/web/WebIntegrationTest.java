package org.parley.web;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.ContextConfiguration;

/**
 * A web context on the test database and broker ({@link TestInfrastructureProperties}),
 * with its own configuration file.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(classes = WebApplication.class,
		properties = { "spring.config.name=" + WebApplication.CONFIG_NAME, "parley.admin.email=" + TestOrganisers.ADMIN,
				"parley.admin.password=" + TestOrganisers.ADMIN_PASSWORD, "parley.upload.max-file-size=2MB",
				"parley.secrets.generate-missing=true" })
@AutoConfigureMockMvc
@ContextConfiguration(initializers = TestInfrastructureProperties.class)
public @interface WebIntegrationTest {

}
