package org.parley.invite.reply;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.parley.domain.notification.FollowRepository;
import org.parley.domain.notification.MailKind;
import org.parley.domain.notification.MailStatus;
import org.parley.domain.notification.Notification;
import org.parley.domain.notification.NotificationCause;
import org.parley.domain.notification.NotificationFrequency;
import org.parley.domain.notification.NotificationMail;
import org.parley.domain.notification.NotificationPreferenceRepository;
import org.parley.domain.notification.NotificationRepository;
import org.parley.domain.participation.Comment;
import org.parley.domain.participation.CommentRepository;
import org.parley.domain.participation.CommentState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Decides who hears about a comment and how, writes that to the ledger in one
 * transaction, then sends the immediate mails. The ledger's key (comment, recipient)
 * makes a redelivered event add nothing; its mails are then only sent if still unsent.
 * <p>
 * A follower's immediate mail is batched: a new comment joins the follower's mail that is
 * still waiting for its quiet period (and puts it off by one more), or starts one, and
 * the sweep sends it once the discussion was quiet for
 * {@link NotificationSettings#followQuietPeriod()}, at most
 * {@link NotificationSettings#followMaxWait()} after its first comment. Ten comments in a
 * row are one mail, not ten. A reply to someone's own comment still goes out at once.
 */
@Component
class ReplyNotifications {

	private static final Logger log = LoggerFactory.getLogger(ReplyNotifications.class);

	private final CommentRepository comments;

	private final FollowRepository follows;

	private final NotificationPreferenceRepository preferences;

	private final NotificationRepository notifications;

	private final NotificationSender sender;

	private final NotificationSettings settings;

	private final TransactionTemplate transaction;

	private final Clock clock;

	ReplyNotifications(CommentRepository comments, FollowRepository follows,
			NotificationPreferenceRepository preferences, NotificationRepository notifications,
			NotificationSender sender, NotificationSettings settings, PlatformTransactionManager transactions,
			Clock clock) {
		this.comments = comments;
		this.follows = follows;
		this.preferences = preferences;
		this.notifications = notifications;
		this.sender = sender;
		this.settings = settings;
		this.transaction = new TransactionTemplate(transactions);
		this.clock = clock;
	}

	void notify(UUID commentId) {
		Comment comment = this.comments.findById(commentId).orElse(null);
		if (comment == null) {
			log.warn("Comment {} is unknown; nobody to notify", commentId);
			return;
		}
		if (comment.state() != CommentState.PUBLISHED) {
			log.info("Comment {} is {}; nobody is notified of it", commentId, comment.state());
			return;
		}
		List<UUID> mails = this.transaction.execute(status -> record(comment));
		// Only the replies now: followers' batches wait for their quiet period.
		for (UUID mailId : mails) {
			this.sender.sendFresh(mailId);
		}
	}

	private List<UUID> record(Comment comment) {
		Map<UUID, NotificationCause> recipients = new LinkedHashMap<>();
		if (comment.parentId() != null) {
			this.comments.findById(comment.parentId())
				.ifPresent(parent -> recipients.put(parent.participantId(), NotificationCause.REPLY));
		}
		for (UUID follower : this.follows.followers(comment.discussionId())) {
			recipients.putIfAbsent(follower, NotificationCause.FOLLOW);
		}
		recipients.remove(comment.participantId()); // nobody hears about their own words
		OffsetDateTime now = OffsetDateTime.now(this.clock);
		recipients.forEach((recipient, cause) -> {
			if (this.notifications.find(comment.id(), recipient).isPresent()) {
				return;
			}
			NotificationFrequency mode = this.preferences.effective(recipient, comment.discussionId());
			UUID mailId = null;
			boolean fresh = false;
			if (mode.immediate() && cause == NotificationCause.FOLLOW) {
				OffsetDateTime sendAt = now.plus(this.settings.followQuietPeriod());
				mailId = this.notifications
					.extendOpenBatch(recipient, comment.discussionId(), now,
							now.minus(this.settings.followMaxWait()).plus(this.settings.followQuietPeriod()), sendAt)
					.orElse(null);
				if (mailId == null) {
					mailId = UUID.randomUUID();
					fresh = true;
					this.notifications.addMail(new NotificationMail(mailId, recipient, comment.discussionId(),
							MailKind.IMMEDIATE, null, MailStatus.QUEUED, 0, sendAt, now));
				}
			}
			else if (mode.immediate()) {
				mailId = UUID.randomUUID();
				fresh = true;
				this.notifications.addMail(new NotificationMail(mailId, recipient, comment.discussionId(),
						MailKind.IMMEDIATE, null, MailStatus.QUEUED, 0, now.plus(this.settings.redriveAfter()), now));
			}
			boolean added = this.notifications
				.add(new Notification(comment.id(), recipient, comment.discussionId(), cause, mode, mailId, null, now));
			if (!added && fresh) {
				this.notifications.deleteMail(mailId); // another consumer of the same
														// event was first
			}
		});
		return this.notifications.mailsOf(comment.id(), NotificationCause.REPLY);
	}

}
