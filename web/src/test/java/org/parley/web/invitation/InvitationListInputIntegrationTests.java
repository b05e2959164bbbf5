package org.parley.web.invitation;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.parley.domain.discussion.DiscussionRepository;
import org.parley.domain.invitation.Delivery;
import org.parley.domain.invitation.DeliveryRepository;
import org.parley.domain.invitation.DeliveryStatus;
import org.parley.domain.invitation.InvitationBatchRepository;
import org.parley.domain.invitation.Invitee;
import org.parley.domain.invitation.InviteeList;
import org.parley.domain.organiser.Organiser;
import org.parley.domain.organiser.OrganiserRepository;
import org.parley.domain.outline.Outline;
import org.parley.web.TestOrganisers;
import org.parley.web.WebIntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

/**
 * Invitation lists as people and attackers send them: a million lines, the encodings
 * spreadsheet programs save in, broken CSV, and names that are spreadsheet formulas.
 */
@WebIntegrationTest
class InvitationListInputIntegrationTests {

	private static final String ORGANISER = "lists@parley.test";

	private static final String PASSWORD = "lists-secret";

	@Autowired
	MockMvcTester mvc;

	@Autowired
	OrganiserRepository organisers;

	@Autowired
	DiscussionRepository discussions;

	@Autowired
	InvitationBatchRepository batches;

	@Autowired
	DeliveryRepository deliveries;

	@Autowired
	PasswordEncoder passwords;

	UUID discussion;

	@BeforeEach
	void organiserWithADiscussion() {
		UUID organiser = TestOrganisers.ensure(this.organisers, this.passwords, ORGANISER, PASSWORD, "Lists");
		this.discussion = this.discussions.addDraft(null, organiser, "Strategy",
				new Outline("Strategy", null, List.of()), OffsetDateTime.now());
		// Invitations go out for a published discussion only.
		this.discussions
			.update(this.discussions.findById(this.discussion).orElseThrow().publish(java.time.Clock.systemUTC()));
	}

	@Test
	void aMillionLineListIsAcceptedWithItsTotal() {
		ByteArrayOutputStream csv = new ByteArrayOutputStream(40 << 20);
		csv.writeBytes("email,name\r\n".getBytes(StandardCharsets.UTF_8));
		for (int i = 0; i < 1_000_000; i++) {
			csv.writeBytes(("p" + i + "@example.org,Person " + i + "\r\n").getBytes(StandardCharsets.UTF_8));
		}

		MvcTestResult result = upload(csv.toByteArray());

		assertThat(result).hasStatus(202);
		assertThat(result).bodyJson().extractingPath("$.total").isEqualTo(1_000_000);
	}

	@ParameterizedTest
	@ValueSource(strings = { "UTF-8", "UTF-16LE", "UTF-16BE" })
	void listsSavedWithAByteOrderMarkKeepTheirAccentedNames(String charset) {
		byte[] csv = "\uFEFFemail;name\r\nzoe@example.org;Zoë Ñúñez-Müller\r\n".getBytes(Charset.forName(charset));

		MvcTestResult result = upload(csv);

		assertThat(result).hasStatus(202);
		String stored = this.batches.content(batchOf(result)).orElseThrow();
		assertThat(InviteeList.parse(stored).invitees())
			.containsExactly(new Invitee(2, "zoe@example.org", "Zoë Ñúñez-Müller"));
	}

	@ParameterizedTest
	@ValueSource(strings = { "windows-1252", "ISO-8859-1", "UTF-16LE" })
	void listsInAnEncodingParleyWouldHaveToGuessAreRefused(String charset) {
		MvcTestResult result = upload(
				"email,name\r\nzoe@example.org,Zoë Müller\r\n".getBytes(Charset.forName(charset)));

		assertThat(result).hasStatus(400);
		assertThat(result).bodyJson().extractingPath("$.code").isEqualTo("NOT_UTF8");
	}

	@Test
	void brokenCsvIsRefusedNamingTheLine() {
		MvcTestResult openQuote = upload(
				"a@example.org,A\r\nb@example.org,\"B\r\nc@example.org,C\r\n".getBytes(StandardCharsets.UTF_8));
		MvcTestResult extraColumn = upload("a@example.org,A,Acme\r\n".getBytes(StandardCharsets.UTF_8));

		assertThat(openQuote).hasStatus(400);
		assertThat(openQuote).bodyJson().extractingPath("$.code").isEqualTo("CSV_MALFORMED");
		assertThat(openQuote).bodyJson().extractingPath("$.detail").asString().startsWith("Line 2 ");
		assertThat(extraColumn).hasStatus(400);
		assertThat(extraColumn).bodyJson().extractingPath("$.code").isEqualTo("CSV_MALFORMED");
	}

	@Test
	void formulasInNamesAndAddressesComeBackDefusedInTheRecipientsCsv() {
		List<String> formulas = List.of("=cmd|' /C calc'!A0", "+1+cmd|' /C calc'!A0", "-2+3", "@SUM(1,2)", "\tTabbed",
				"\rReturned");
		StringBuilder csv = new StringBuilder("email,name\r\n");
		for (int i = 0; i < formulas.size(); i++) {
			csv.append("f")
				.append(i)
				.append("@example.org,\"")
				.append(formulas.get(i).replace("\r", ""))
				.append("\"\r\n");
		}
		csv.append("=HYPERLINK(\"http://evil.test\"),Mallory\r\n");
		MvcTestResult uploaded = upload(csv.toString().getBytes(StandardCharsets.UTF_8));
		assertThat(uploaded).hasStatus(202);
		UUID batchId = batchOf(uploaded);
		OffsetDateTime now = OffsetDateTime.now();
		List<Delivery> rows = new ArrayList<>();
		for (int i = 0; i < formulas.size(); i++) {
			String email = "f" + i + "@example.org";
			rows.add(new Delivery(UUID.randomUUID(), batchId, i + 2, email, email, formulas.get(i), DeliveryStatus.SENT,
					null, null, 1, null, false, null, null, now, now, null));
		}
		rows.add(new Delivery(UUID.randomUUID(), batchId, formulas.size() + 2, "=HYPERLINK(\"http://evil.test\")",
				"=hyperlink", "Mallory", DeliveryStatus.INVALID, "-not an address", null, 0, null, false, null, null,
				now, null, null));
		this.deliveries.addAll(rows);

		MvcTestResult result = this.mvc.get()
			.uri("/api/invitation-batches/{id}/recipients.csv", batchId)
			.with(httpBasic(ORGANISER, PASSWORD))
			.exchange();

		assertThat(result).hasStatus(200);
		assertThat(result.getResponse().getContentType()).startsWith("text/csv");
		String body = new String(result.getResponse().getContentAsByteArray(), StandardCharsets.UTF_8);
		List<String> lines = List.of(body.substring(1).split("\r\n"));
		assertThat(lines.get(0))
			.isEqualTo("line,email,name,status,reason,smtp_code,attempts,ambiguous,sent_at,revoked");
		for (int i = 0; i < formulas.size(); i++) {
			assertThat(lines.get(i + 1)).startsWith("\"" + (i + 2) + "\",\"f" + i + "@example.org\",\"'"
					+ formulas.get(i).replace("\"", "\"\"") + "\",");
		}
		assertThat(lines.get(formulas.size() + 1)).contains("\"'=HYPERLINK(\"\"http://evil.test\"\")\"")
			.contains("\"'-not an address\"");
		for (String line : lines.subList(1, lines.size())) {
			for (String cell : line.split("\",\"")) {
				String value = cell.replaceFirst("^\"", "");
				assertThat(value).as("cell %s", value)
					.doesNotStartWith("=")
					.doesNotStartWith("+")
					.doesNotStartWith("@");
			}
		}
	}

	@Test
	void theRecipientsCsvHasEveryRowOnceInListOrderWhateverItsPages() throws IOException {
		MvcTestResult uploaded = upload("a@example.org,A\r\n".getBytes(StandardCharsets.UTF_8));
		UUID batchId = batchOf(uploaded);
		OffsetDateTime now = OffsetDateTime.now();
		List<Delivery> rows = new ArrayList<>();
		for (int line : List.of(5, 2, 8, 3, 7, 4, 6)) {
			String email = "p" + line + "@example.org";
			rows.add(new Delivery(UUID.randomUUID(), batchId, line, email, email, "P" + line, DeliveryStatus.QUEUED,
					null, null, 0, null, false, null, null, now, null, null));
		}
		this.deliveries.addAll(rows);
		List<String> expected = List.of("2", "3", "4", "5", "6", "7", "8");

		for (int pageSize : List.of(1, 3, 7, 100)) {
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			RecipientsCsv.write(this.deliveries, batchId, out, pageSize);
			List<String> lines = List.of(out.toString(StandardCharsets.UTF_8).substring(1).split("\r\n"));
			assertThat(lines.subList(1, lines.size()).stream().map(l -> l.substring(1, l.indexOf('"', 1))).toList())
				.as("lines with pages of %d", pageSize)
				.isEqualTo(expected);
		}
	}

	@Test
	void onlyTheBatchsOrganiserMayExportItsRecipients() {
		MvcTestResult uploaded = upload("a@example.org,A\r\n".getBytes(StandardCharsets.UTF_8));
		String other = "stranger-" + UUID.randomUUID() + "@parley.test";
		this.organisers
			.add(new Organiser(UUID.randomUUID(), other, this.passwords.encode("x-secret"), "X", OffsetDateTime.now()));

		assertThat(this.mvc.get()
			.uri("/api/invitation-batches/{id}/recipients.csv", batchOf(uploaded))
			.with(httpBasic(other, "x-secret"))).hasStatus(404);
	}

	private MvcTestResult upload(byte[] csv) {
		return this.mvc.post()
			.uri("/api/discussions/{id}/invitations", this.discussion)
			.multipart()
			.file(new MockMultipartFile("file", "invitees.csv", "text/csv", csv))
			.with(httpBasic(ORGANISER, PASSWORD))
			.exchange();
	}

	private static UUID batchOf(MvcTestResult result) {
		return UUID
			.fromString(result.getResponse().getHeader("Location").substring("/api/invitation-batches/".length()));
	}

}
