-- Revisions of a discussion's document (issue 16, ADR 0022). The section and paragraph
-- tables hold the live revision (the published one, or the first draft), with the ids that
-- votes and comments refer to; a re-imported draft and every superseded revision are kept as
-- rows of revision_section and revision_paragraph, under the same ids for what the matching
-- paired. Written to run unchanged on PostgreSQL and on H2 in PostgreSQL mode.

create table revision (
    discussion_id uuid        not null references discussion (id) on delete cascade,
    number        integer     not null,
    state         varchar(16) not null,
    import_id     uuid references document_import (id),
    created_at    timestamp with time zone not null,
    published_at  timestamp with time zone,
    primary key (discussion_id, number)
);
insert into revision (discussion_id, number, state, import_id, created_at, published_at)
select id, 1, case when published_at is null then 'DRAFT' else 'PUBLISHED' end, import_id, created_at, published_at
from discussion;

-- The revision whose rows are in section and paragraph.
alter table discussion add column revision integer default 1 not null;
alter table section add column revision integer default 1 not null;
-- Votes count from this revision on: a change of meaning starts them again (older ones stay,
-- shown as earlier votes).
alter table section add column votes_since integer default 1 not null;
alter table paragraph add column revision integer default 1 not null;
-- A paragraph that a new revision removed keeps its row, with no number, and its comments.
alter table paragraph alter column number drop not null;

-- The revision each comment and vote was written on.
alter table comment add column revision integer default 1 not null;
-- An organiser said this comment led to the change in that revision.
alter table comment add column led_to_revision integer;
alter table section_vote add column revision integer default 1 not null;
-- One vote per participant per section and revision, so that a vote given after a change of
-- meaning does not erase the earlier one. V15 named the key, on both databases.
alter table section_vote drop constraint section_vote_once;
alter table section_vote add constraint section_vote_once primary key (section_id, participant_id, revision);

-- A re-import names the discussion it adds a revision to, and, once saved, that revision.
alter table document_import add column target_discussion_id uuid references discussion (id) on delete cascade;
alter table document_import add column revision integer;

-- The outline of every revision that is not live: the draft under review and the superseded ones.
create table revision_section (
    discussion_id uuid    not null references discussion (id) on delete cascade,
    revision      integer not null,
    id            uuid    not null,
    number        integer not null,
    label         varchar(200),
    heading       text,
    level         integer not null,
    parent_number integer,
    confidence    double precision,
    primary key (discussion_id, revision, id)
);
create table revision_paragraph (
    discussion_id uuid        not null references discussion (id) on delete cascade,
    revision      integer     not null,
    id            uuid        not null,
    section_id    uuid        not null,
    number        integer     not null,
    kind          varchar(16) not null,
    text          text        not null,
    primary key (discussion_id, revision, id)
);
create index revision_paragraph_section on revision_paragraph (discussion_id, revision, section_id, number);

-- How revision n pairs with revision n-1, as the matcher found it and the organiser corrected it.
create table revision_match (
    id              uuid        primary key,
    discussion_id   uuid        not null references discussion (id) on delete cascade,
    revision        integer     not null,
    unit            varchar(16) not null,
    from_id         uuid,
    to_id           uuid,
    kind            varchar(16) not null,
    confidence      double precision not null,
    meaning_changed boolean default false not null,
    by_organiser    boolean default false not null
);
create index revision_match_revision on revision_match (discussion_id, revision, unit);

-- Notices of a new revision: one per revision and recipient (a follower, or someone who
-- commented), however often the event is delivered; the mail is a notification_mail of kind
-- REVISION, with the retries and the one-click unsubscribe of the other notifications.
create table revision_notice (
    discussion_id uuid        not null references discussion (id) on delete cascade,
    revision      integer     not null,
    recipient_id  uuid        not null references participant (id) on delete cascade,
    cause         varchar(16) not null,
    mail_id       uuid references notification_mail (id) on delete set null,
    created_at    timestamp with time zone not null,
    primary key (discussion_id, revision, recipient_id)
);
create index revision_notice_mail on revision_notice (mail_id);
