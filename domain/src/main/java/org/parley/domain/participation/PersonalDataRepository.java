package org.parley.domain.participation;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * A participant's own data: read back whole for their download, and erased on their
 * request (GDPR article 17).
 * <p>
 * Erasure keeps what others rely on and removes what identifies the person. Their
 * comments stay, so that threads and the organisers' answers still read, under "a former
 * participant"; their votes stay counted, moved to a new row of their own that nothing
 * links to the person or to the comments, so that the secret ballot holds even against
 * whoever reads the database. Their address, name, language, sign-in links, notification
 * settings, follows and mails go.
 */
@Repository
public class PersonalDataRepository {

	private final JdbcClient jdbc;

	public PersonalDataRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public Optional<PersonalData> find(UUID participantId) {
		Optional<PersonalData.Account> account = this.jdbc
			.sql("select id, email, display_name, language, created_at from participant where id = :p")
			.param("p", participantId)
			.query((rs, row) -> new PersonalData.Account(rs.getObject("id", UUID.class), rs.getString("email"),
					rs.getString("display_name"), rs.getString("language"),
					rs.getObject("created_at", OffsetDateTime.class)))
			.optional();
		return account.map(a -> new PersonalData(a, comments(participantId), sectionVotes(participantId),
				commentVotes(participantId), flags(participantId), follows(participantId)));
	}

	private List<PersonalData.WrittenComment> comments(UUID participantId) {
		return this.jdbc.sql("""
				select c.id, c.discussion_id, d.title, s.number, s.label, s.heading, c.parent_id, c.quote, c.text,
				       c.state, c.created_at, c.response_status, c.response_text
				from comment c join discussion d on d.id = c.discussion_id join section s on s.id = c.section_id
				where c.participant_id = :p order by c.created_at, c.id""")
			.param("p", participantId)
			.query((rs, row) -> new PersonalData.WrittenComment(rs.getObject("id", UUID.class),
					rs.getObject("discussion_id", UUID.class), rs.getString("title"), (Integer) rs.getObject("number"),
					rs.getString("label"), rs.getString("heading"), rs.getObject("parent_id", UUID.class),
					rs.getString("quote"), rs.getString("text"), rs.getString("state"),
					rs.getObject("created_at", OffsetDateTime.class), rs.getString("response_status"),
					rs.getString("response_text")))
			.list();
	}

	private List<PersonalData.SectionVote> sectionVotes(UUID participantId) {
		return this.jdbc.sql("""
				select v.discussion_id, d.title, s.number, s.label, s.heading, v.agree, v.voted_at
				from section_vote v join discussion d on d.id = v.discussion_id join section s on s.id = v.section_id
				where v.participant_id = :p order by v.voted_at, v.discussion_id, s.number, s.id""")
			.param("p", participantId)
			.query((rs, row) -> new PersonalData.SectionVote(rs.getObject("discussion_id", UUID.class),
					rs.getString("title"), (Integer) rs.getObject("number"), rs.getString("label"),
					rs.getString("heading"), rs.getBoolean("agree"), rs.getObject("voted_at", OffsetDateTime.class)))
			.list();
	}

	private List<PersonalData.CommentVote> commentVotes(UUID participantId) {
		return this.jdbc.sql("""
				select v.comment_id, c.discussion_id, v.up from comment_vote v join comment c on c.id = v.comment_id
				where v.participant_id = :p order by c.created_at, c.id""")
			.param("p", participantId)
			.query((rs, row) -> new PersonalData.CommentVote(rs.getObject("comment_id", UUID.class),
					rs.getObject("discussion_id", UUID.class), rs.getBoolean("up")))
			.list();
	}

	private List<PersonalData.Flag> flags(UUID participantId) {
		return this.jdbc
			.sql("""
					select f.comment_id, c.discussion_id, f.flagged_at from comment_flag f join comment c on c.id = f.comment_id
					where f.participant_id = :p order by f.flagged_at""")
			.param("p", participantId)
			.query((rs, row) -> new PersonalData.Flag(rs.getObject("comment_id", UUID.class),
					rs.getObject("discussion_id", UUID.class), rs.getObject("flagged_at", OffsetDateTime.class)))
			.list();
	}

	private List<UUID> follows(UUID participantId) {
		return this.jdbc.sql("select discussion_id from discussion_follow where participant_id = :p")
			.param("p", participantId)
			.query(UUID.class)
			.list();
	}

	/**
	 * Erases the account in one transaction.
	 * @return false if there is no such participant, or it was erased already
	 */
	@Transactional
	public boolean erase(UUID participantId, OffsetDateTime now) {
		Optional<String> email = this.jdbc.sql("select email from participant where id = :p and erased_at is null")
			.param("p", participantId)
			.query(String.class)
			.optional();
		if (email.isEmpty()) {
			return false;
		}
		UUID ballots = UUID.randomUUID();
		this.jdbc.sql("insert into participant (id, email, created_at, erased_at) values (:id, :email, :now, :now)")
			.param("id", ballots)
			.param("email", Participant.erasedAddress(ballots))
			.param("now", now)
			.update();
		for (String table : List.of("section_vote", "comment_vote", "comment_flag")) {
			this.jdbc.sql("update " + table + " set participant_id = :ballots where participant_id = :p")
				.param("ballots", ballots)
				.param("p", participantId)
				.update();
		}
		this.jdbc.sql("delete from notification where recipient_id = :p").param("p", participantId).update();
		this.jdbc.sql("delete from notification_mail where recipient_id = :p").param("p", participantId).update();
		for (String table : List.of("discussion_follow", "discussion_notification_preference",
				"notification_preference")) {
			this.jdbc.sql("delete from " + table + " where participant_id = :p").param("p", participantId).update();
		}
		this.jdbc.sql("delete from sign_in_link where email = :email").param("email", email.get()).update();
		this.jdbc.sql("""
				update participant set email = :erased, display_name = null, language = null, erased_at = :now
				where id = :p""")
			.param("erased", Participant.erasedAddress(participantId))
			.param("now", now)
			.param("p", participantId)
			.update();
		return true;
	}

}
