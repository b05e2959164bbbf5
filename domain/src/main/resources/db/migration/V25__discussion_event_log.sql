-- The live discussion's event log (ADR 0026): what changed in a discussion, in the order the
-- changes committed, numbered per discussion without gaps. Rows carry ids only; the web reads the
-- comment, the counts or the discussion when it streams them.

-- The last number given out per discussion. Its row is locked from the moment a transaction
-- appends its events until it commits, so the numbers of one discussion commit in order.
create table discussion_event_head (
    discussion_id uuid   primary key references discussion (id) on delete cascade,
    last_seq      bigint not null
);

create table discussion_event (
    discussion_id uuid        not null references discussion (id) on delete cascade,
    seq           bigint      not null,
    kind          varchar(32) not null,
    section_id    uuid,
    comment_id    uuid references comment (id) on delete cascade,
    created_at    timestamp with time zone not null,
    primary key (discussion_id, seq)
);

create index discussion_event_created on discussion_event (created_at);
