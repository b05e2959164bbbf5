package org.parley.web.outcome;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.parley.domain.discussion.DiscussionRepository;
import org.parley.domain.organiser.Organiser;
import org.parley.domain.organiser.OrganiserRepository;
import org.parley.domain.outcome.CommentRecords;
import org.parley.domain.outline.Block;
import org.parley.domain.outline.Outline;
import org.parley.domain.outline.OutlineSection;
import org.parley.domain.participation.VoteRepository;
import org.parley.web.WebIntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 17's export figure: comments.xlsx of 100,000 comments, the growth of the web's
 * live heap while it is written (sampled after a forced collection every 200 ms), beside
 * POI's SXSSF alone writing the same 100,000 rows of the same columns from memory, in the
 * same run.
 * <p>
 * Run on purpose: {@code ./mvnw -pl web -am test -Dgroups=benchmark
 * -Dsurefire.excludedGroups= -Dtest=ExportHeapBenchmarkTests
 * -Dsurefire.failIfNoSpecifiedTests=false}; figures to the output and
 * {@code target/benchmarks/export.txt}.
 */
@Tag("benchmark")
@WebIntegrationTest
class ExportHeapBenchmarkTests {

	static final int COMMENTS = 100_000;

	@Autowired
	OrganiserRepository organisers;

	@Autowired
	DiscussionRepository discussions;

	@Autowired
	CommentRecords records;

	@Autowired
	VoteRepository votes;

	@Autowired
	JdbcTemplate template;

	@Autowired
	JdbcClient jdbc;

	@Test
	void xlsxOf100000CommentsBesideSxssfAlone() throws Exception {
		UUID discussion = seed();
		Measured baseline = measure(this::sxssfAlone);
		Measured export = measure(
				out -> CommentsXlsx.write(this.records, this.discussions, this.votes, discussion, true, out));
		Measured csv = measure(out -> CommentsCsv.write(this.records, discussion, true, out));
		String figures = String.format("%-52s %10s %10s%n", "100,000 comments", "ms", "heap MB")
				+ String.format("%-52s %10d %10.1f%n", "comments.xlsx (read from the database, SXSSF)", export.ms,
						export.heapMb())
				+ String.format("%-52s %10d %10.1f%n", "SXSSF alone, same rows from memory", baseline.ms,
						baseline.heapMb())
				+ String.format("%-52s %10d %10.1f%n", "comments.csv (read from the database)", csv.ms, csv.heapMb());
		System.out.println(figures);
		Files.createDirectories(Path.of("target", "benchmarks"));
		Files.writeString(Path.of("target", "benchmarks", "export.txt"), figures);
		assertThat(export.heapMb()).as("the issue's target: under 64 MB").isLessThan(64);
	}

	private void sxssfAlone(OutputStream out) throws IOException {
		Random random = new Random(3);
		SXSSFWorkbook workbook = new SXSSFWorkbook(CommentsXlsx.WINDOW);
		workbook.setCompressTempFiles(true);
		try {
			SXSSFSheet sheet = workbook.createSheet("Comments");
			for (int i = 0; i <= COMMENTS; i++) {
				Row row = sheet.createRow(i);
				for (int c = 0; c < CommentColumns.HEADER.size(); c++) {
					if (c == 8) {
						row.createCell(c).setCellValue(text(random));
					}
					else if (c >= 10 && c <= 12) {
						row.createCell(c).setCellValue(random.nextInt(20));
					}
					else {
						row.createCell(c).setCellValue(UUID.randomUUID().toString());
					}
				}
			}
			workbook.write(out);
		}
		finally {
			workbook.close();
			workbook.dispose();
		}
	}

	private UUID seed() {
		UUID organiser = UUID.randomUUID();
		this.organisers
			.add(new Organiser(organiser, "bench-" + organiser + "@parley.test", "{noop}x", "B", OffsetDateTime.now()));
		List<OutlineSection> sections = new ArrayList<>();
		for (int s = 1; s <= 300; s++) {
			sections.add(new OutlineSection(s + ".", "Section " + s, 1, List.of(Block.paragraph("Text " + s))));
		}
		UUID d = this.discussions.addDraft(null, organiser, "Bench", new Outline("Bench", null, sections),
				OffsetDateTime.now());
		List<UUID> sectionIds = this.jdbc.sql("select id from section where discussion_id = :d")
			.param("d", d)
			.query(UUID.class)
			.list();
		List<Object[]> people = new ArrayList<>();
		List<UUID> ids = new ArrayList<>();
		for (int p = 0; p < 1000; p++) {
			UUID id = UUID.randomUUID();
			ids.add(id);
			people.add(new Object[] { id, "b-" + id + "@example.org", "Person " + p, OffsetDateTime.now() });
		}
		this.template.batchUpdate("insert into participant (id, email, display_name, created_at) values (?, ?, ?, ?)",
				people);
		Random random = new Random(5);
		OffsetDateTime t = OffsetDateTime.now().minusDays(10);
		List<Object[]> rows = new ArrayList<>();
		for (int i = 0; i < COMMENTS; i++) {
			rows.add(new Object[] { UUID.randomUUID(), d, sectionIds.get(random.nextInt(300)),
					ids.get(random.nextInt(1000)), text(random), t.plusSeconds(i) });
			if (rows.size() == 5_000) {
				insert(rows);
			}
		}
		insert(rows);
		return d;
	}

	private void insert(List<Object[]> rows) {
		this.template.batchUpdate("""
				insert into comment (id, discussion_id, section_id, participant_id, text, state, flags, created_at)
				values (?, ?, ?, ?, ?, 'PUBLISHED', 0, ?)""", rows);
		rows.clear();
	}

	private static String text(Random random) {
		StringBuilder s = new StringBuilder();
		for (int i = 0; i < 40 + random.nextInt(40); i++) {
			s.append("word").append(random.nextInt(500)).append(' ');
		}
		return s.toString();
	}

	/**
	 * Time, and the live heap's peak growth over its level before, sampled after a GC.
	 */
	private static Measured measure(Export export) throws Exception {
		System.gc();
		long before = used();
		AtomicLong peak = new AtomicLong(before);
		Thread sampler = new Thread(() -> {
			while (!Thread.currentThread().isInterrupted()) {
				System.gc();
				peak.accumulateAndGet(used(), Math::max);
				try {
					Thread.sleep(200);
				}
				catch (InterruptedException ex) {
					return;
				}
			}
		}, "heap-sampler");
		sampler.setDaemon(true);
		long start = System.nanoTime();
		sampler.start();
		export.to(OutputStream.nullOutputStream());
		long ms = (System.nanoTime() - start) / 1_000_000;
		sampler.interrupt();
		sampler.join();
		return new Measured(ms, peak.get() - before);
	}

	private static long used() {
		Runtime r = Runtime.getRuntime();
		return r.totalMemory() - r.freeMemory();
	}

	record Measured(long ms, long heapBytes) {

		double heapMb() {
			return this.heapBytes / (1024.0 * 1024.0);
		}

	}

	@FunctionalInterface
	interface Export {

		void to(OutputStream out) throws Exception;

	}

}
