-- The consultation's outcome, second half (issue 17): reports made in the background, and
-- participants who erased their account. Written to run unchanged on PostgreSQL and on H2 in
-- PostgreSQL mode.

-- A report of a whole discussion, made by the ingest-worker as an import is: its state, stage and
-- percent are what the page shows while it is made.
create table report (
    id            uuid primary key,
    discussion_id uuid        not null references discussion (id) on delete cascade,
    organiser_id  uuid        not null references organiser (id),
    format        varchar(8)  not null,
    state         varchar(16) not null,
    stage         varchar(16),
    percent       integer     not null,
    message       varchar(300),
    problem_code  varchar(64),
    created_at    timestamp with time zone not null,
    updated_at    timestamp with time zone not null
);
create index report_discussion on report (discussion_id, created_at);
create index report_unfinished on report (state, updated_at);

-- The finished file. One per report, whatever a restarted job attempts: the primary key says so.
create table report_file (
    report_id  uuid primary key references report (id) on delete cascade,
    file_name  varchar(300) not null,
    media_type varchar(100) not null,
    size_bytes bigint       not null,
    content    bytea        not null,
    created_at timestamp with time zone not null
);

-- An erased participant keeps its row, without address or name, so that its comments still show
-- (as "a former participant"); its votes moved to a row of their own that nothing links to it.
alter table participant add column erased_at timestamp with time zone;
