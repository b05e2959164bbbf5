package org.parley.web.imports;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.parley.domain.organiser.OrganiserRepository;
import org.parley.web.TestOrganisers;
import org.parley.web.WebIntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

@WebIntegrationTest
class ImportPagesIntegrationTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	OrganiserRepository organisers;

	@Autowired
	PasswordEncoder passwords;

	@Test
	void uploadPageAsksAnonymousVisitorsToSignIn() {
		assertThat(this.mvc.get().uri("/imports/new").accept(MediaType.TEXT_HTML)).hasStatus(302)
			.headers()
			.hasHeaderSatisfying("Location", v -> assertThat(v).singleElement().asString().endsWith("/login"));
	}

	@Test
	void uploadPageOffersTheDropZoneAndTheLimit() {
		String email = organiser();
		assertThat(this.mvc.get().uri("/imports/new").with(httpBasic(email, "pw"))).hasStatusOk()
			.bodyText()
			.contains("id=\"drop-zone\"", "up to 2 MB", "/js/upload.js");
	}

	@Test
	void importPageSaysPlainlyWhenDriveIsNotSetUp() {
		String email = organiser();
		assertThat(this.mvc.get().uri("/imports/new").with(httpBasic(email, "pw"))).hasStatusOk()
			.bodyText()
			.contains("Importing from Google Drive is not set up on this Parley",
					"ask the administrator of this Parley to set up Google Drive access")
			.as("an organiser is told what to ask for, not the names of settings")
			.doesNotContain("PARLEY_DRIVE_SERVICE_ACCOUNT_FILE", "PARLEY_DRIVE_API_KEY")
			.doesNotContain("name=\"driveUrl\"");
	}

	@Test
	void unknownImportPageIsAReadablePageNotJson() {
		String email = organiser();
		assertThat(this.mvc.get().uri("/imports/{id}", UUID.randomUUID()).with(httpBasic(email, "pw"))).hasStatus(404)
			.hasContentTypeCompatibleWith(MediaType.TEXT_HTML)
			.bodyText()
			.contains("Not found");
	}

	private String organiser() {
		return TestOrganisers.add(this.organisers, this.passwords, "pages", "P").email();
	}

}
