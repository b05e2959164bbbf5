-- The consultation's outcome, first half (issue 17): an organiser's answer to each comment, the
-- date the answers are due, the moderation queue's review mark, and near-duplicate groups.
-- Written to run unchanged on PostgreSQL and on H2 in PostgreSQL mode.

-- The answer: one per comment, replaced when the organiser answers again. Null status: unanswered.
alter table comment add column response_status varchar(32);
alter table comment add column response_text text;
alter table comment add column responded_at timestamp with time zone;
alter table comment add column responded_by uuid references organiser (id) on delete set null;
create index comment_response on comment (discussion_id, response_status);

-- The moderation queue holds a flagged comment until an organiser reviewed it after its last flag.
alter table comment add column moderated_at timestamp with time zone;
alter table comment add column moderated_by uuid references organiser (id) on delete set null;
create index comment_waiting on comment (discussion_id, state, created_at);

-- When the answers are due, as the organiser set it; null: 12 weeks after closing.
alter table discussion add column response_due_at timestamp with time zone;

-- Near-duplicate groups (form letters, copy-paste campaigns): computed from the texts, the
-- comments themselves untouched. A comment is in at most one group; a group has two members or more.
create table comment_group (
    id                uuid primary key,
    discussion_id     uuid not null references discussion (id) on delete cascade,
    representative_id uuid not null references comment (id) on delete cascade,
    size              integer not null,
    created_at        timestamp with time zone not null
);
create index comment_group_discussion on comment_group (discussion_id, size);

create table comment_group_member (
    group_id   uuid not null references comment_group (id) on delete cascade,
    comment_id uuid not null references comment (id) on delete cascade,
    primary key (group_id, comment_id)
);
create unique index comment_group_member_once on comment_group_member (comment_id);

-- What the groups were computed from, so that they are recomputed only when comments changed.
create table comment_grouping (
    discussion_id   uuid primary key references discussion (id) on delete cascade,
    comments        integer not null,
    last_comment_at timestamp with time zone,
    computed_at     timestamp with time zone not null
);

-- The ledger learns new causes (RESPONSE to the comment's author; WAITING and FLAGGED to the
-- discussion's organisers), so one comment may notify one recipient once per cause. Rebuilt
-- rather than altered: the primary key's name differs between PostgreSQL and H2.
create table notification_by_cause (
    comment_id     uuid not null references comment (id) on delete cascade,
    recipient_id   uuid not null references participant (id) on delete cascade,
    discussion_id  uuid not null references discussion (id) on delete cascade,
    cause          varchar(16) not null,
    mode           varchar(32) not null,
    mail_id        uuid references notification_mail (id) on delete set null,
    digest_mail_id uuid references notification_mail (id) on delete set null,
    created_at     timestamp with time zone not null,
    constraint notification_once primary key (comment_id, recipient_id, cause)
);
insert into notification_by_cause (comment_id, recipient_id, discussion_id, cause, mode, mail_id, digest_mail_id,
    created_at)
select comment_id, recipient_id, discussion_id, cause, mode, mail_id, digest_mail_id, created_at from notification;
drop table notification;
alter table notification_by_cause rename to notification;
create index notification_waiting on notification (mode, mail_id, recipient_id);
create index notification_mail_rows on notification (mail_id);
create index notification_waiting_digest on notification (digest_mail_id, mode, recipient_id);
