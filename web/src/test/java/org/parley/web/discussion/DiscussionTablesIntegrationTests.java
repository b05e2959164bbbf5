package org.parley.web.discussion;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.parley.domain.discussion.DiscussionRepository;
import org.parley.domain.organiser.OrganiserRepository;
import org.parley.domain.outline.Block;
import org.parley.domain.outline.Outline;
import org.parley.domain.outline.OutlineSection;
import org.parley.domain.outline.TableCells;
import org.parley.web.TestOrganisers;
import org.parley.web.WebIntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/**
 * A TABLE paragraph with its cells (issue 14): served as {@code rows} and
 * {@code headerRows}, drawn as an HTML table with header cells, and turned into
 * paragraphs and back by the draft's outline edits.
 */
@WebIntegrationTest
class DiscussionTablesIntegrationTests {

	private static final TableCells TARGETS = new TableCells(
			List.of(List.of("Sector", "Reduction against 1990", "Reduction against 1990"),
					List.of("Sector", "2030", "2040"), List.of("Transport", "40 %", "<b>70 %</b>")),
			2, "Table 1: Emission targets");

	@Autowired
	MockMvcTester mvc;

	@Autowired
	OrganiserRepository organisers;

	@Autowired
	DiscussionRepository discussions;

	@Autowired
	PasswordEncoder passwords;

	String owner;

	UUID discussion;

	@BeforeEach
	void draftWithATable() {
		this.owner = TestOrganisers.add(this.organisers, this.passwords, "tables", "O").email();
		UUID ownerId = this.organisers.findByEmail(this.owner).orElseThrow().id();
		this.discussion = this.discussions.addDraft(null, ownerId, "Targets",
				new Outline("Targets", null,
						List.of(new OutlineSection("1.", "Targets", 1,
								List.of(Block.paragraph("Before."), Block.table(TARGETS), Block.paragraph("After."))))),
				OffsetDateTime.now());
	}

	@Test
	void aTableParagraphCarriesItsRowsAndHeaderRowsAndOtherParagraphsDoNot() {
		assertThat(
				this.mvc.get().uri("/api/discussions/{id}/sections", this.discussion).with(httpBasic(this.owner, "pw")))
			.hasStatusOk()
			.bodyJson()
			.satisfies(json -> {
				assertThat(json).extractingPath("$[0].paragraphs[1].kind").isEqualTo("TABLE");
				assertThat(json).extractingPath("$[0].paragraphs[1].rows")
					.isEqualTo(List.of(List.of("Sector", "Reduction against 1990", "Reduction against 1990"),
							List.of("Sector", "2030", "2040"), List.of("Transport", "40 %", "<b>70 %</b>")));
				assertThat(json).extractingPath("$[0].paragraphs[1].headerRows").isEqualTo(2);
				assertThat(json).extractingPath("$[0].paragraphs[1].caption").isEqualTo("Table 1: Emission targets");
				assertThat(json).extractingPath("$[0].paragraphs[1].text").isEqualTo(TARGETS.text());
				assertThat(json).extractingPath("$[0].paragraphs[0]")
					.asMap()
					.containsKeys("id", "number", "kind", "text")
					.doesNotContainKeys("rows", "headerRows", "caption");
			});
	}

	@Test
	void thePageDrawsARealTableWithScopedHeaderCellsSpansACaptionAndEscapedText() throws Exception {
		String page = this.mvc.get()
			.uri("/discussions/{id}", this.discussion)
			.with(user(this.owner).roles("ORGANISER"))
			.exchange()
			.getResponse()
			.getContentAsString();
		String table = page.substring(page.indexOf("<div class=\"table-wrap\""), page.indexOf("</table>"));

		assertThat(table).contains("role=\"region\"", "tabindex=\"0\"", "aria-label=\"Table 1: Emission targets\"",
				"<caption>Table 1: Emission targets</caption>");
		// The table is paragraph 2: its numbered wrapper, which the comment form and
		// quoting read.
		String before = page.substring(0, page.indexOf("<div class=\"table-wrap\""));
		assertThat(before.substring(before.lastIndexOf("<div class=\"numbered\""))).contains("data-paragraph=\"2\"");
		assertThat(table).containsPattern("<th scope=\"col\" rowspan=\"2\">Sector</th>")
			.containsPattern("<th scope=\"colgroup\" colspan=\"2\">Reduction against 1990</th>")
			.contains("<th scope=\"col\">2030</th>", "<td>Transport</td>", "<td>&lt;b&gt;70 %&lt;/b&gt;</td>")
			.doesNotContain("<b>");
		assertThat(table.split("<th ", -1)).as("header cells drawn once per span").hasSize(5);
		assertThat(page).contains("value=\"TABLE_TO_PARAGRAPHS\"", "value=\"PARAGRAPHS_TO_TABLE\"");
	}

	@Test
	void theOrganiserTurnsTheTableIntoParagraphsAndBackKeepingItsId() throws Exception {
		String tableId = this.mvc.get()
			.uri("/api/discussions/{id}/sections", this.discussion)
			.with(httpBasic(this.owner, "pw"))
			.exchange()
			.getResponse()
			.getContentAsString()
			.replaceAll("(?s).*\"paragraphs\":\\[\\{[^}]*\\},\\{\"id\":\"([^\"]+)\".*", "$1");

		assertThat(edit("{\"op\":\"TABLE_TO_PARAGRAPHS\",\"section\":1,\"paragraph\":2}")).hasStatusOk()
			.bodyJson()
			.satisfies(json -> {
				assertThat(json).extractingPath("$[0].paragraphs.length()").isEqualTo(6);
				assertThat(json).extractingPath("$[0].paragraphs[1].text").isEqualTo("Table 1: Emission targets");
				assertThat(json).extractingPath("$[0].paragraphs[2].id").isEqualTo(tableId);
				assertThat(json).extractingPath("$[0].paragraphs[2].kind").isEqualTo("PARAGRAPH");
				assertThat(json).extractingPath("$[0].paragraphs[2].text")
					.isEqualTo("Sector | Reduction against 1990 | Reduction against 1990");
				assertThat(json).extractingPath("$[0].paragraphs[4].text").isEqualTo("Transport | 40 % | <b>70 %</b>");
			});

		assertThat(edit("{\"op\":\"PARAGRAPHS_TO_TABLE\",\"section\":1,\"paragraph\":3,\"to\":5,\"headerRows\":1}"))
			.hasStatusOk()
			.bodyJson()
			.satisfies(json -> {
				assertThat(json).extractingPath("$[0].paragraphs.length()").isEqualTo(4);
				assertThat(json).extractingPath("$[0].paragraphs[2].id").isEqualTo(tableId);
				assertThat(json).extractingPath("$[0].paragraphs[2].kind").isEqualTo("TABLE");
				assertThat(json).extractingPath("$[0].paragraphs[2].headerRows").isEqualTo(1);
				assertThat(json).extractingPath("$[0].paragraphs[2].rows[2]")
					.isEqualTo(List.of("Transport", "40 %", "<b>70 %</b>"));
			});

		assertThat(edit("{\"op\":\"TABLE_TO_PARAGRAPHS\",\"section\":1,\"paragraph\":1}")).hasStatus(400)
			.bodyJson()
			.extractingPath("$.code")
			.isEqualTo("INVALID_EDIT");
		assertThat(edit("{\"op\":\"PARAGRAPHS_TO_TABLE\",\"section\":1,\"paragraph\":1}")).hasStatus(400)
			.bodyJson()
			.extractingPath("$.code")
			.isEqualTo("INVALID_EDIT");
	}

	@Test
	void thePageFormMakesATableOfARunOfParagraphs() {
		edit("{\"op\":\"TABLE_TO_PARAGRAPHS\",\"section\":1,\"paragraph\":2}");

		assertThat(this.mvc.post()
			.uri("/discussions/{id}/outline/edits", this.discussion)
			.param("op", "PARAGRAPHS_TO_TABLE")
			.param("section", "1")
			.param("paragraph", "3")
			.param("to", "4")
			.param("headerRows", "2")
			.with(user(this.owner).roles("ORGANISER"))
			.with(csrf())).hasStatus(302);

		assertThat(this.discussions.findSections(this.discussion).get(0).paragraphs().get(2).cells())
			.isEqualTo(new TableCells(List.of(List.of("Sector", "Reduction against 1990", "Reduction against 1990"),
					List.of("Sector", "2030", "2040")), 2));
	}

	private org.springframework.test.web.servlet.assertj.MvcTestResult edit(String json) {
		return this.mvc.post()
			.uri("/api/discussions/{id}/outline/edits", this.discussion)
			.contentType(MediaType.APPLICATION_JSON)
			.content(json)
			.with(httpBasic(this.owner, "pw"))
			.exchange();
	}

}
