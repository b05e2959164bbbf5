package org.parley.standalone;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The apps depend on domain, never on each other: only standalone sees all three, so it
 * is where the rule can be checked.
 */
class AppBoundaryTests {

	private static final JavaClasses PARLEY = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("org.parley");

	@ParameterizedTest
	@CsvSource({ "org.parley.web.., org.parley.ingest.., org.parley.invite..",
			"org.parley.ingest.., org.parley.web.., org.parley.invite..",
			"org.parley.invite.., org.parley.web.., org.parley.ingest.." })
	void appsDoNotDependOnEachOther(String app, String other, String third) {
		noClasses().that()
			.resideInAPackage(app)
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage(other, third, "org.parley.standalone..")
			.check(PARLEY);
	}

}
