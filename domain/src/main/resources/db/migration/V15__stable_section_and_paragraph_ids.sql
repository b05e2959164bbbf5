-- Votes and comments refer to a section or paragraph by its id, never by its running number,
-- so that they stay on their text when a draft's outline is edited (ADR 0018). Written to run
-- unchanged on PostgreSQL and on H2 in PostgreSQL mode.

-- A section that an edit takes out of the outline keeps its row, and its votes, with no number.
alter table section alter column number drop not null;

-- One vote per participant per section id. Rebuilt rather than altered: the old primary key
-- holds the section number, and its name differs between PostgreSQL and H2.
create table section_vote_by_id (
    section_id     uuid    not null references section (id) on delete cascade,
    participant_id uuid    not null references participant (id),
    discussion_id  uuid    not null references discussion (id) on delete cascade,
    agree          boolean not null,
    voted_at       timestamp with time zone not null,
    constraint section_vote_once primary key (section_id, participant_id)
);
-- A vote on a number that no section has any more was shown nowhere; it is not carried over.
insert into section_vote_by_id (section_id, participant_id, discussion_id, agree, voted_at)
select s.id, v.participant_id, v.discussion_id, v.agree, v.voted_at
from section_vote v join section s on s.discussion_id = v.discussion_id and s.number = v.section_number;
drop table section_vote;
alter table section_vote_by_id rename to section_vote;
create index section_vote_discussion on section_vote (discussion_id, participant_id);

-- section_id: the section a comment is shown in; paragraph_id: the paragraph it is on. A
-- paragraph deleted without its comments being moved leaves them on the whole section.
alter table comment add column section_id uuid references section (id) on delete cascade;
alter table comment add column paragraph_id uuid references paragraph (id) on delete set null;
update comment set section_id = (
    select s.id from section s where s.discussion_id = comment.discussion_id and s.number = comment.section_number);
update comment set paragraph_id = (
    select p.id from paragraph p join section s on s.id = p.section_id
    where s.discussion_id = comment.discussion_id and s.number = comment.section_number
      and p.number = comment.paragraph_number)
where paragraph_number is not null;
-- A comment on a number past the end of the outline: the edits that shortened the outline moved
-- the text after them forward, so its text, if anywhere, ends in the last section. No comment
-- is dropped.
update comment set section_id = (
    select s.id from section s where s.discussion_id = comment.discussion_id
      and s.number = (select max(m.number) from section m where m.discussion_id = comment.discussion_id))
where section_id is null;
alter table comment alter column section_id set not null;
drop index comment_section;
alter table comment drop column section_number;
alter table comment drop column paragraph_number;
create index comment_section on comment (discussion_id, section_id, created_at);
create index comment_paragraph on comment (paragraph_id);
