package org.parley.domain.notification;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.parley.domain.participation.Participant;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The notification ledger and its mails. Every change of a mail's status is a conditional
 * update, so several workers and a redelivered event agree on who sends a mail, and it is
 * sent once.
 */
@Repository
public class NotificationRepository {

	private final JdbcClient jdbc;

	public NotificationRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * @return whether the row is new: false if this comment already notified this
	 * recipient
	 */
	public boolean add(Notification n) {
		return this.jdbc.sql("""
				insert into notification (comment_id, recipient_id, discussion_id, cause, mode, mail_id, digest_mail_id,
				    created_at)
				values (:comment, :recipient, :discussion, :cause, :mode, :mail, :digest, :createdAt)
				on conflict do nothing""")
			.param("comment", n.commentId())
			.param("recipient", n.recipientId())
			.param("discussion", n.discussionId())
			.param("cause", n.cause().name())
			.param("mode", n.mode().name())
			.param("mail", n.mailId())
			.param("digest", n.digestMailId())
			.param("createdAt", n.createdAt())
			.update() == 1;
	}

	/**
	 * Records that this comment notifies this recipient for this cause, as their choice
	 * says, in the caller's transaction: a row, and an immediate mail due at
	 * {@code sendAt} when they want one, which any worker's sweep sends. Nothing when
	 * they want nothing, or when the row exists already.
	 * @return the immediate mail's id, if one was queued
	 */
	public Optional<UUID> record(UUID commentId, UUID recipientId, UUID discussionId, NotificationCause cause,
			NotificationFrequency mode, OffsetDateTime now, OffsetDateTime sendAt) {
		if (mode == NotificationFrequency.NONE || find(commentId, recipientId, cause).isPresent()) {
			return Optional.empty();
		}
		UUID mailId = null;
		if (mode.immediate()) {
			mailId = UUID.randomUUID();
			addMail(new NotificationMail(mailId, recipientId, discussionId, MailKind.IMMEDIATE, null, MailStatus.QUEUED,
					0, sendAt, now));
		}
		boolean added = add(new Notification(commentId, recipientId, discussionId, cause, mode, mailId, null, now));
		if (!added && mailId != null) {
			deleteMail(mailId);
			return Optional.empty();
		}
		return Optional.ofNullable(mailId);
	}

	/** The reply or follow notification of this comment to this recipient, if any. */
	public Optional<Notification> find(UUID commentId, UUID recipientId) {
		return this.jdbc
			.sql("""
					select * from notification where comment_id = :c and recipient_id = :r and cause in ('REPLY', 'FOLLOW')""")
			.param("c", commentId)
			.param("r", recipientId)
			.query(NotificationRepository::notification)
			.optional();
	}

	/**
	 * The rows a mail carries, oldest first: one for an immediate mail, the day's for a
	 * digest.
	 */
	public List<Notification> findByMail(UUID mailId) {
		return this.jdbc.sql("""
				select * from notification where mail_id = :m or digest_mail_id = :m order by created_at, comment_id""")
			.param("m", mailId)
			.query(NotificationRepository::notification)
			.list();
	}

	/** The notification of this comment to this recipient for this cause, if any. */
	public Optional<Notification> find(UUID commentId, UUID recipientId, NotificationCause cause) {
		return this.jdbc
			.sql("select * from notification where comment_id = :c and recipient_id = :r and cause = :cause")
			.param("c", commentId)
			.param("r", recipientId)
			.param("cause", cause.name())
			.query(NotificationRepository::notification)
			.optional();
	}

	/** The immediate mails that carry a comment's reply and follow notifications. */
	public List<UUID> mailsOf(UUID commentId) {
		return this.jdbc.sql("""
				select mail_id from notification where comment_id = :c and mail_id is not null
				    and cause in ('REPLY', 'FOLLOW')""").param("c", commentId).query(UUID.class).list();
	}

	public void addMail(NotificationMail mail) {
		insertMail(mail, "");
	}

	/**
	 * @return false if this recipient already has a digest of this discussion for that
	 * day
	 */
	public boolean addDigest(NotificationMail digest) {
		// on conflict, not a caught exception: on PostgreSQL a failed insert spoils the
		// transaction
		return insertMail(digest, " on conflict do nothing") == 1;
	}

	private int insertMail(NotificationMail mail, String onConflict) {
		return this.jdbc.sql("""
				insert into notification_mail (id, recipient_id, discussion_id, kind, digest_day, status, attempts,
				    next_attempt_at, created_at)
				values (:id, :recipient, :discussion, :kind, :day, :status, 0, :next, :createdAt)""" + onConflict)
			.param("id", mail.id())
			.param("recipient", mail.recipientId())
			.param("discussion", mail.discussionId())
			.param("kind", mail.kind().name())
			.param("day", mail.digestDay())
			.param("status", mail.status().name())
			.param("next", mail.nextAttemptAt())
			.param("createdAt", mail.createdAt())
			.update();
	}

	public void deleteMail(UUID mailId) {
		this.jdbc.sql("delete from notification_mail where id = :id").param("id", mailId).update();
	}

	public Optional<NotificationMail> findMail(UUID mailId) {
		return this.jdbc.sql("select * from notification_mail where id = :id")
			.param("id", mailId)
			.query(NotificationRepository::mail)
			.optional();
	}

	/** Recipients and discussions with rows waiting for a digest. */
	public List<Waiting> waitingForDigest() {
		return this.jdbc.sql("""
				select distinct recipient_id, discussion_id from notification
				where digest_mail_id is null and mode in ('DAILY', 'IMMEDIATE_AND_DAILY')""")
			.query((rs, row) -> new Waiting(rs.getObject("recipient_id", UUID.class),
					rs.getObject("discussion_id", UUID.class)))
			.list();
	}

	/**
	 * Puts the waiting rows of a recipient and discussion into a digest. @return how many
	 */
	public int attachToDigest(UUID mailId, UUID recipientId, UUID discussionId, OffsetDateTime until) {
		return this.jdbc.sql("""
				update notification set digest_mail_id = :m where recipient_id = :r and discussion_id = :d
				    and digest_mail_id is null and mode in ('DAILY', 'IMMEDIATE_AND_DAILY') and created_at <= :until""")
			.param("m", mailId)
			.param("r", recipientId)
			.param("d", discussionId)
			.param("until", until)
			.update();
	}

	/** The first send of a fresh mail, by the consumer of its event. */
	public boolean claimFresh(UUID mailId, OffsetDateTime until) {
		return this.jdbc.sql("""
				update notification_mail set status = 'SENDING', claimed_until = :until, attempts = attempts + 1
				where id = :id and status = 'QUEUED' and attempts = 0""")
			.param("until", until)
			.param("id", mailId)
			.update() == 1;
	}

	/**
	 * A send by the sweep: a retry that is due, a mail whose event got lost, or one a
	 * dead worker held.
	 */
	public boolean claimDue(UUID mailId, OffsetDateTime now, OffsetDateTime until) {
		return this.jdbc.sql("""
				update notification_mail set status = 'SENDING', claimed_until = :until, attempts = attempts + 1
				where id = :id and ((status = 'QUEUED' and next_attempt_at <= :now)
				    or (status = 'SENDING' and claimed_until < :now))""")
			.param("until", until)
			.param("now", now)
			.param("id", mailId)
			.update() == 1;
	}

	public List<UUID> findDue(OffsetDateTime now, int limit) {
		return this.jdbc.sql("""
				select id from notification_mail where (status = 'QUEUED' and next_attempt_at <= :now)
				    or (status = 'SENDING' and claimed_until < :now)
				order by created_at limit :limit""").param("now", now).param("limit", limit).query(UUID.class).list();
	}

	public void markSent(UUID mailId, OffsetDateTime now) {
		finish(mailId, MailStatus.SENT, null, null, now);
	}

	public void markFailed(UUID mailId, Integer smtpCode, String detail, OffsetDateTime now) {
		finish(mailId, MailStatus.FAILED, smtpCode, detail, now);
	}

	/** The recipient does not want it any more. */
	public void cancel(UUID mailId, String detail, OffsetDateTime now) {
		finish(mailId, MailStatus.CANCELLED, null, detail, now);
	}

	public void markRetry(UUID mailId, Integer smtpCode, String detail, OffsetDateTime next) {
		this.jdbc.sql("""
				update notification_mail set status = 'QUEUED', smtp_code = :code, detail = :detail,
				    next_attempt_at = :next, claimed_until = null where id = :id""")
			.param("code", smtpCode)
			.param("detail", cut(detail))
			.param("next", next)
			.param("id", mailId)
			.update();
	}

	private void finish(UUID mailId, MailStatus status, Integer smtpCode, String detail, OffsetDateTime now) {
		this.jdbc.sql("""
				update notification_mail set status = :status, smtp_code = :code, detail = :detail,
				    claimed_until = null, next_attempt_at = null, sent_at = :sentAt where id = :id""")
			.param("status", status.name())
			.param("code", smtpCode)
			.param("detail", cut(detail))
			.param("sentAt", (status == MailStatus.SENT) ? now : null)
			.param("id", mailId)
			.update();
	}

	private static String cut(String s) {
		return (s != null && s.length() > 1000) ? s.substring(0, 1000) : s;
	}

	/** A comment with its author, section, discussion and parent, for the email. */
	public Optional<CommentContext> describe(UUID commentId) {
		return this.jdbc.sql("""
				select c.id, c.discussion_id, d.title, s.number, s.label, s.heading, c.participant_id,
				       a.email, a.display_name, c.text, c.parent_id, p.text as parent_text, c.created_at
				from comment c
				join discussion d on d.id = c.discussion_id
				join participant a on a.id = c.participant_id
				join section s on s.id = c.section_id
				left join comment p on p.id = c.parent_id
				where c.id = :id""")
			.param("id", commentId)
			.query((rs, row) -> new CommentContext(rs.getObject("id", UUID.class),
					rs.getObject("discussion_id", UUID.class), rs.getString("title"), (Integer) rs.getObject("number"),
					rs.getString("label"), rs.getString("heading"), rs.getObject("participant_id", UUID.class),
					new Participant(rs.getObject("participant_id", UUID.class), rs.getString("email"),
							rs.getString("display_name"), null)
						.shownName(),
					rs.getString("text"), rs.getObject("parent_id", UUID.class), rs.getString("parent_text"),
					rs.getObject("created_at", OffsetDateTime.class)))
			.optional();
	}

	private static Notification notification(ResultSet rs, int row) throws SQLException {
		return new Notification(rs.getObject("comment_id", UUID.class), rs.getObject("recipient_id", UUID.class),
				rs.getObject("discussion_id", UUID.class), NotificationCause.valueOf(rs.getString("cause")),
				NotificationFrequency.valueOf(rs.getString("mode")), rs.getObject("mail_id", UUID.class),
				rs.getObject("digest_mail_id", UUID.class), rs.getObject("created_at", OffsetDateTime.class));
	}

	private static NotificationMail mail(ResultSet rs, int row) throws SQLException {
		return new NotificationMail(rs.getObject("id", UUID.class), rs.getObject("recipient_id", UUID.class),
				rs.getObject("discussion_id", UUID.class), MailKind.valueOf(rs.getString("kind")),
				rs.getObject("digest_day", LocalDate.class), MailStatus.valueOf(rs.getString("status")),
				rs.getInt("attempts"), rs.getObject("next_attempt_at", OffsetDateTime.class),
				rs.getObject("created_at", OffsetDateTime.class));
	}

	/** A recipient with notifications of a discussion waiting for the digest. */
	public record Waiting(UUID recipientId, UUID discussionId) {
	}

}
