package org.parley.invite;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The invite-worker's feature packages depend on each other without cycles, so that each
 * can be read, tested and moved on its own; and the app knows no other app.
 */
class FeatureBoundaryTests {

	private final JavaClasses app = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("org.parley.invite");

	@Test
	void featurePackagesHaveNoCycles() {
		slices().matching("org.parley.invite.(*)..").should().beFreeOfCycles().check(this.app);
	}

	@Test
	void knowsNoOtherApplication() {
		noClasses().should()
			.dependOnClassesThat()
			.resideInAnyPackage("org.parley.web..", "org.parley.ingest..", "org.parley.standalone..")
			.check(this.app);
	}

}
