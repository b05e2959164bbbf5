package org.parley.domain.live;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;
import org.parley.domain.discussion.DiscussionRepository;
import org.parley.domain.organiser.Organiser;
import org.parley.domain.organiser.OrganiserRepository;
import org.parley.domain.outline.Block;
import org.parley.domain.outline.Outline;
import org.parley.domain.outline.OutlineSection;
import org.parley.domain.test.TestInfrastructure;
import org.parley.domaintests.DomainTestApplication;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(classes = DomainTestApplication.class)
class DiscussionEventLogIntegrationTests {

	private static final OffsetDateTime T0 = OffsetDateTime.of(2026, 3, 1, 9, 0, 0, 0, ZoneOffset.UTC);

	@DynamicPropertySource
	static void infrastructure(DynamicPropertyRegistry registry) {
		TestInfrastructure.register(registry);
	}

	@Autowired
	DiscussionEventLog log;

	@Autowired
	DiscussionRepository discussions;

	@Autowired
	OrganiserRepository organisers;

	@Autowired
	PlatformTransactionManager transactions;

	@Test
	void anEventThatCommitsLaterIsNumberedLaterSoAReaderNeverSkipsIt() throws Exception {
		UUID discussion = discussion();
		TransactionTemplate tx = new TransactionTemplate(this.transactions);
		CountDownLatch appendedFirst = new CountDownLatch(1);
		CountDownLatch commitFirst = new CountDownLatch(1);
		ExecutorService slow = Executors.newSingleThreadExecutor();
		try {
			// The first change records its event, then waits before committing.
			Future<?> first = slow.submit(() -> tx.executeWithoutResult(status -> {
				this.log.record(discussion, DiscussionEventKind.COMMENT_POSTED, null, null);
				// Registered after the log's: runs once the event is written, before the
				// commit.
				TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
					@Override
					public void beforeCommit(boolean readOnly) {
						appendedFirst.countDown();
						await(commitFirst);
					}
				});
			}));
			appendedFirst.await(10, TimeUnit.SECONDS);
			// A second change starts and commits while the first is still open: it is not
			// held up by the first.
			tx.executeWithoutResult(
					status -> this.log.record(discussion, DiscussionEventKind.SECTION_VOTED, null, null));

			List<DiscussionEvent> seen = this.log.after(discussion, 0, 100);
			assertThat(seen).extracting(DiscussionEvent::kind).containsExactly(DiscussionEventKind.SECTION_VOTED);
			assertThat(seen).extracting(DiscussionEvent::seq).containsExactly(1L);
			long position = seen.get(0).seq();

			commitFirst.countDown();
			first.get(10, TimeUnit.SECONDS);
			assertThat(this.log.after(discussion, position, 100)).as("the late commit, after the reader's position")
				.extracting(DiscussionEvent::kind, DiscussionEvent::seq)
				.containsExactly(org.assertj.core.groups.Tuple.tuple(DiscussionEventKind.COMMENT_POSTED, 2L));
			assertThat(this.log.head(discussion)).isEqualTo(2);
		}
		finally {
			commitFirst.countDown();
			slow.shutdownNow();
		}
	}

	@Test
	void concurrentWritersAndReadersGetEveryEventOnceGapFreeAndInOrder() throws Exception {
		UUID discussion = discussion();
		TransactionTemplate tx = new TransactionTemplate(this.transactions);
		int writers = 6;
		int perWriter = 40;
		ExecutorService pool = Executors.newFixedThreadPool(writers + 2);
		AtomicBoolean writing = new AtomicBoolean(true);
		try {
			List<Future<List<Long>>> readers = new ArrayList<>();
			for (int r = 0; r < 2; r++) {
				// Two readers, as two web instances: each follows the log from 0.
				readers.add(pool.submit(() -> {
					List<Long> got = new ArrayList<>();
					long position = 0;
					while (writing.get() || position < (long) writers * perWriter) {
						for (DiscussionEvent e : this.log.after(discussion, position, 50)) {
							got.add(e.seq());
							position = e.seq();
						}
					}
					return got;
				}));
			}
			List<Future<?>> done = new ArrayList<>();
			for (int w = 0; w < writers; w++) {
				done.add(pool.submit(() -> {
					for (int i = 0; i < perWriter; i++) {
						tx.executeWithoutResult(
								status -> this.log.record(discussion, DiscussionEventKind.COMMENT_POSTED, null, null));
					}
				}));
			}
			for (Future<?> f : done) {
				f.get(2, TimeUnit.MINUTES);
			}
			writing.set(false);
			List<Long> expected = new ArrayList<>();
			for (long n = 1; n <= writers * perWriter; n++) {
				expected.add(n);
			}
			for (Future<List<Long>> reader : readers) {
				assertThat(reader.get(2, TimeUnit.MINUTES)).as("numbers one reader saw").isEqualTo(expected);
			}
			Set<Long> stored = new HashSet<>();
			this.log.after(discussion, 0, 10_000).forEach(e -> stored.add(e.seq()));
			assertThat(stored).hasSize(writers * perWriter);
		}
		finally {
			writing.set(false);
			pool.shutdownNow();
		}
	}

	private UUID discussion() {
		UUID organiser = UUID.randomUUID();
		this.organisers.add(new Organiser(organiser, organiser + "@example.org", "{noop}x", "Org", T0));
		return this.discussions.addDraft(null, organiser, "T",
				new Outline("T", null, List.of(new OutlineSection("1.", "One", 1, List.of(Block.paragraph("P."))))),
				T0);
	}

	private static void await(CountDownLatch latch) {
		try {
			latch.await(10, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
