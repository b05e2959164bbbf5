package org.parley.domain.work;

import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Records where a job row stands while its job runs. Each change commits on its own,
 * outside the step's transaction, so that a page shows progress while the step still
 * runs; the announcement that follows is only a nudge to re-read the database, so losing
 * one is harmless.
 *
 * @param <R> the kind of row
 */
public final class JobRowProgress<R extends JobRow> {

	private final TransactionTemplate ownTransaction;

	private final Function<UUID, Optional<R>> find;

	private final Predicate<R> save;

	private final Consumer<UUID> announce;

	/**
	 * @param save stores the next state unless the stored one is final, and says whether
	 * the row changed
	 * @param announce tells the web that the row changed
	 */
	public JobRowProgress(PlatformTransactionManager transactions, Function<UUID, Optional<R>> find, Predicate<R> save,
			Consumer<UUID> announce) {
		this.ownTransaction = new TransactionTemplate(transactions);
		this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.find = find;
		this.save = save;
		this.announce = announce;
	}

	/** Moves the row on in a transaction of its own and, if it changed, announces it. */
	public void change(UUID id, UnaryOperator<R> next) {
		if (record(id, next)) {
			this.announce.accept(id);
		}
	}

	/**
	 * Moves the row on in a transaction of its own, without announcing it.
	 * @return whether the row changed
	 */
	public boolean record(UUID id, UnaryOperator<R> next) {
		Boolean changed = this.ownTransaction
			.execute(status -> this.find.apply(id).map(row -> this.save.test(next.apply(row))).orElse(false));
		return Boolean.TRUE.equals(changed);
	}

}
