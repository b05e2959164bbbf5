package org.parley.domain;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

class DomainBoundaryTests {

	private static final String BROKER = "org.parley.domain.messaging.broker..";

	private final JavaClasses domain = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("org.parley.domain");

	@Test
	void domainImportsNoWebAmqpBatchOrMailTypes() {
		noClasses().that()
			.resideOutsideOfPackage(BROKER)
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("org.springframework.web..", "org.springframework.http..", "jakarta.servlet..",
					"org.springframework.amqp..", "com.rabbitmq..", "org.apache.qpid..", "org.springframework.batch..",
					"jakarta.mail..", "org.springframework.mail..", "org.springframework.boot..")
			.check(this.domain);
	}

	/**
	 * The shared broker glue may use AMQP, Boot's properties and Micrometer, but no web,
	 * Batch or mail.
	 */
	@Test
	void brokerGlueImportsNoWebBatchOrMailTypes() {
		noClasses().that()
			.resideInAPackage(BROKER)
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("org.springframework.web..", "org.springframework.http..", "jakarta.servlet..",
					"org.springframework.batch..", "jakarta.mail..", "org.springframework.mail..")
			.check(this.domain);
	}

	@Test
	void onlyTheAppsUseTheBrokerGlue() {
		noClasses().that()
			.resideOutsideOfPackage(BROKER)
			.should()
			.dependOnClassesThat()
			.resideInAPackage(BROKER)
			.check(this.domain);
	}

	@Test
	void domainKnowsNoApplication() {
		noClasses().should()
			.dependOnClassesThat()
			.resideInAnyPackage("org.parley.web..", "org.parley.ingest..", "org.parley.invite..",
					"org.parley.standalone..")
			.check(this.domain);
	}

}
