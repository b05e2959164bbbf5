package org.parley.domain.notification;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The ledger of revision notices (ADR 0022): one row per new revision and recipient, so a
 * redelivered event mails nobody twice. The mail itself is a {@link NotificationMail} of
 * kind {@link MailKind#REVISION}, sent, retried and unsubscribed like the other
 * notifications.
 */
@Repository
public class RevisionNoticeRepository {

	private final JdbcClient jdbc;

	public RevisionNoticeRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * A notice of a revision to a recipient, for a cause.
	 *
	 * @param mailId the mail that carries it
	 */
	public record RevisionNotice(UUID discussionId, int revision, UUID recipientId, NotificationCause cause,
			UUID mailId) {
	}

	/** A section of the live revision, as a notice names and links it. */
	public record ChangedSection(int number, String label, String heading) {
	}

	/**
	 * @return whether the row is new: false if this recipient already has this notice
	 */
	public boolean add(RevisionNotice notice, OffsetDateTime now) {
		return this.jdbc.sql("""
				insert into revision_notice (discussion_id, revision, recipient_id, cause, mail_id, created_at)
				values (:d, :r, :recipient, :cause, :mail, :now)
				on conflict do nothing""")
			.param("d", notice.discussionId())
			.param("r", notice.revision())
			.param("recipient", notice.recipientId())
			.param("cause", notice.cause().name())
			.param("mail", notice.mailId())
			.param("now", now)
			.update() == 1;
	}

	public Optional<RevisionNotice> findByMail(UUID mailId) {
		return this.jdbc.sql("select * from revision_notice where mail_id = :m")
			.param("m", mailId)
			.query((rs, row) -> new RevisionNotice(rs.getObject("discussion_id", UUID.class), rs.getInt("revision"),
					rs.getObject("recipient_id", UUID.class), NotificationCause.valueOf(rs.getString("cause")),
					rs.getObject("mail_id", UUID.class)))
			.optional();
	}

	/** The mails of a revision's notices. */
	public List<UUID> mailsOf(UUID discussionId, int revision) {
		return this.jdbc.sql(
				"select mail_id from revision_notice where discussion_id = :d and revision = :r and mail_id is not null")
			.param("d", discussionId)
			.param("r", revision)
			.query(UUID.class)
			.list();
	}

	/** Everyone with a published comment or reply in the discussion. */
	public List<UUID> commenters(UUID discussionId) {
		return this.jdbc
			.sql("select distinct participant_id from comment where discussion_id = :d and state = 'PUBLISHED'")
			.param("d", discussionId)
			.query(UUID.class)
			.list();
	}

	/**
	 * The live sections that revision n changed (a section or paragraph edited, moved,
	 * split, merged, new, or removed from it); with a participant, only those the
	 * participant commented in.
	 */
	public List<ChangedSection> changedSections(UUID discussionId, int revision, UUID participantId) {
		String mine = (participantId != null) ? """
				and s.id in (select c.section_id from comment c where c.discussion_id = :d
				             and c.participant_id = :p)""" : "";
		return this.jdbc.sql("""
				select s.number, s.label, s.heading from section s
				where s.discussion_id = :d and s.number is not null and (
				  s.id in (select m.to_id from revision_match m where m.discussion_id = :d and m.revision = :r
				           and m.unit = 'SECTION' and m.kind <> 'UNCHANGED')
				  or s.id in (select g.section_id from paragraph g join revision_match m on m.to_id = g.id
				              where m.discussion_id = :d and m.revision = :r and m.unit = 'PARAGRAPH'
				                and m.kind <> 'UNCHANGED')
				  or s.id in (select g.section_id from paragraph g join revision_match m on m.from_id = g.id
				              where m.discussion_id = :d and m.revision = :r and m.unit = 'PARAGRAPH'
				                and m.kind = 'REMOVED'))""" + mine + " order by s.number")
			.param("d", discussionId)
			.param("r", revision)
			.param("p", participantId)
			.query((rs, row) -> new ChangedSection(rs.getInt(1), rs.getString(2), rs.getString(3)))
			.list();
	}

}
