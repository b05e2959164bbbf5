package org.parley.web.outcome;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.parley.domain.discussion.DiscussionRepository;
import org.parley.domain.organiser.OrganiserRepository;
import org.parley.domain.outcome.CommentGroupRepository;
import org.parley.domain.outcome.ResponseRepository;
import org.parley.domain.participation.CommentRepository;
import org.parley.domain.participation.ParticipantRepository;
import org.parley.domain.participation.VoteRepository;
import org.parley.domain.test.OutcomeFixture;
import org.parley.web.TestOrganisers;
import org.parley.web.WebIntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

/**
 * Every export of a discussion with hidden, waiting, answered and grouped comments, read
 * back with a real parser: Commons CSV for the CSV files, Apache POI for the workbook.
 */
@WebIntegrationTest
class OutcomeExportIntegrationTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	OrganiserRepository organisers;

	@Autowired
	DiscussionRepository discussions;

	@Autowired
	ParticipantRepository participants;

	@Autowired
	CommentRepository comments;

	@Autowired
	VoteRepository votes;

	@Autowired
	ResponseRepository responses;

	@Autowired
	CommentGroupRepository groups;

	@Autowired
	PasswordEncoder passwords;

	OutcomeFixture.Made made;

	@BeforeEach
	void discussion() {
		this.made = new OutcomeFixture(this.organisers, this.discussions, this.participants, this.comments, this.votes,
				this.responses, this.groups)
			.discussion(null, this.passwords.encode(TestOrganisers.PASSWORD));
	}

	@Test
	void commentsCsvHasEveryPublishedCommentWithSectionVotesResponseAndGroup() throws IOException {
		List<CSVRecord> rows = csv(get("/api/discussions/{id}/comments.csv").getResponse().getContentAsByteArray());

		Map<String, CSVRecord> byId = rows.stream().collect(Collectors.toMap(r -> r.get("comment_id"), r -> r));
		assertThat(byId.keySet()).as("published comments and the reply, no hidden or waiting one")
			.containsExactlyInAnyOrder(this.made.answered().toString(), this.made.formula().toString(),
					this.made.reply().toString(), this.made.grouped().get(0).toString(),
					this.made.grouped().get(1).toString(), this.made.grouped().get(2).toString());
		CSVRecord answered = byId.get(this.made.answered().toString());
		assertThat(answered.get("section_number")).isEqualTo("1");
		assertThat(answered.get("section_label")).isEqualTo("1.");
		assertThat(answered.get("section_heading")).isEqualTo("Scope");
		assertThat(answered.get("author")).isEqualTo("Alice");
		assertThat(answered.get("text")).isEqualTo("The scope is too narrow.");
		assertThat(answered.get("votes_up")).isEqualTo("2");
		assertThat(answered.get("votes_down")).isEqualTo("0");
		assertThat(answered.get("replies")).isEqualTo("1");
		assertThat(answered.get("moderation_state")).isEqualTo("PUBLISHED");
		assertThat(answered.get("response_status")).isEqualTo("PARTLY_ACCEPTED");
		assertThat(answered.get("response_text")).isEqualTo("We widen it to the villages.");
		assertThat(answered.get("created_at")).isEqualTo("2026-10-01T09:01:00Z");
		assertThat(answered.get("group_id")).isEmpty();
		assertThat(byId.get(this.made.reply().toString()).get("parent_id")).isEqualTo(this.made.answered().toString());
		CSVRecord grouped = byId.get(this.made.grouped().get(0).toString());
		assertThat(grouped.get("paragraph")).isEqualTo("1");
		assertThat(grouped.get("quote")).isEqualTo("A route along the river.");
		assertThat(grouped.get("group_size")).isEqualTo("3");
		assertThat(grouped.get("group_id")).isNotEmpty()
			.isEqualTo(byId.get(this.made.grouped().get(2).toString()).get("group_id"));
		assertThat(byId.get(this.made.formula().toString()).get("text")).as("defused as recipients.csv does")
			.isEqualTo("'" + OutcomeFixture.FORMULA);
		assertThat(rows.stream().map(r -> r.get("section_number")).toList()).as("in the order of the outline")
			.containsExactly("1", "1", "1", "2", "2", "3");
	}

	@Test
	void includeHiddenAddsHiddenAndWaitingComments() throws IOException {
		List<CSVRecord> rows = csv(
				get("/api/discussions/{id}/comments.csv?include=hidden").getResponse().getContentAsByteArray());

		Map<String, String> states = rows.stream()
			.collect(Collectors.toMap(r -> r.get("comment_id"), r -> r.get("moderation_state")));
		assertThat(states).hasSize(8)
			.containsEntry(this.made.hidden().toString(), "HIDDEN")
			.containsEntry(this.made.waiting().toString(), "PENDING");
	}

	@Test
	void commentsXlsxHoldsTheSameRowsAsTypedCellsAndVotesOnASecondSheet() throws IOException {
		MvcTestResult result = get("/api/discussions/{id}/comments.xlsx?include=hidden");
		assertThat(result).hasStatusOk();
		assertThat(result.getResponse().getContentType()).isEqualTo(CommentsXlsx.MEDIA_TYPE);

		try (XSSFWorkbook workbook = new XSSFWorkbook(
				new ByteArrayInputStream(result.getResponse().getContentAsByteArray()))) {
			Sheet sheet = workbook.getSheet("Comments");
			Map<String, Integer> column = columns(sheet.getRow(0));
			assertThat(sheet.getLastRowNum()).as("8 comments after the header").isEqualTo(8);
			Map<String, Row> byId = rows(sheet, column.get("comment_id"));
			Row answered = byId.get(this.made.answered().toString());
			assertThat(answered.getCell(column.get("votes_up")).getCellType()).isEqualTo(CellType.NUMERIC);
			assertThat(answered.getCell(column.get("votes_up")).getNumericCellValue()).isEqualTo(2.0);
			assertThat(answered.getCell(column.get("created_at")).getLocalDateTimeCellValue())
				.hasToString("2026-10-01T09:01");
			assertThat(answered.getCell(column.get("response_status")).getStringCellValue())
				.isEqualTo("PARTLY_ACCEPTED");
			Cell formula = byId.get(this.made.formula().toString()).getCell(column.get("text"));
			assertThat(formula.getCellType()).as("text, never a formula").isEqualTo(CellType.STRING);
			assertThat(formula.getStringCellValue()).isEqualTo(OutcomeFixture.FORMULA);
			assertThat(formula.getCellStyle().getQuotePrefixed()).isTrue();
			assertThat(byId.get(this.made.hidden().toString())
				.getCell(column.get("moderation_state"))
				.getStringCellValue()).isEqualTo("HIDDEN");
			assertThat(byId.get(this.made.grouped().get(1).toString())
				.getCell(column.get("group_size"))
				.getNumericCellValue()).isEqualTo(3.0);

			Sheet votesSheet = workbook.getSheet("Votes");
			DataFormatter format = new DataFormatter();
			assertThat(format.formatCellValue(votesSheet.getRow(1).getCell(3))).isEqualTo("2");
			assertThat(format.formatCellValue(votesSheet.getRow(1).getCell(5))).isEqualTo("67");
		}
	}

	@Test
	void votesCsvHasEverySectionWithAgreeDisagreeAndPercent() throws IOException {
		List<CSVRecord> rows = csv(get("/api/discussions/{id}/votes.csv").getResponse().getContentAsByteArray());

		assertThat(rows).hasSize(3);
		assertThat(rows.get(0).toMap()).containsExactlyInAnyOrderEntriesOf(Map.of("number", "1", "label", "1.",
				"heading", "Scope", "agree", "2", "disagree", "1", "positive_percent", "67"));
		assertThat(rows.get(1).toMap()).containsEntry("agree", "0").containsEntry("positive_percent", "0");
		assertThat(rows.get(2).toMap()).containsEntry("agree", "0").containsEntry("positive_percent", "");
	}

	@Test
	void onlyTheDiscussionsOrganisersMayExport() {
		String other = TestOrganisers.add(this.organisers, this.passwords, "other", "Other").email();
		for (String path : List.of("comments.csv", "comments.xlsx", "votes.csv")) {
			assertThat(this.mvc.get()
				.uri("/api/discussions/{id}/" + path, this.made.discussionId())
				.with(httpBasic(other, TestOrganisers.PASSWORD))).hasStatus(404);
			assertThat(this.mvc.get().uri("/api/discussions/{id}/" + path, this.made.discussionId())).hasStatus(401);
		}
		assertThat(get("/api/discussions/{id}/comments.csv?include=everything")).hasStatus(400)
			.bodyJson()
			.extractingPath("$.code")
			.isEqualTo("INCLUDE_INVALID");
	}

	private MvcTestResult get(String path) {
		return this.mvc.get()
			.uri(path, this.made.discussionId())
			.with(httpBasic(this.made.organiserEmail(), TestOrganisers.PASSWORD))
			.exchange();
	}

	private static List<CSVRecord> csv(byte[] body) throws IOException {
		String text = new String(body, StandardCharsets.UTF_8);
		assertThat(text).startsWith("\uFEFF");
		try (CSVParser parser = CSVFormat.RFC4180.builder()
			.setHeader()
			.setSkipHeaderRecord(true)
			.get()
			.parse(new StringReader(text.substring(1)))) {
			return parser.getRecords();
		}
	}

	private static Map<String, Integer> columns(Row header) {
		Map<String, Integer> columns = new java.util.HashMap<>();
		header.forEach(cell -> columns.put(cell.getStringCellValue(), cell.getColumnIndex()));
		return columns;
	}

	private static Map<String, Row> rows(Sheet sheet, int idColumn) {
		Map<String, Row> rows = new java.util.HashMap<>();
		for (int i = 1; i <= sheet.getLastRowNum(); i++) {
			rows.put(sheet.getRow(i).getCell(idColumn).getStringCellValue(), sheet.getRow(i));
		}
		return rows;
	}

}
