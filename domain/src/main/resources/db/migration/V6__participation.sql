-- Participants, their sign-in links, and what they do in a discussion: votes, comments, replies.

create table participant (
    id           uuid primary key,
    email        varchar(320) not null,
    display_name varchar(80),
    created_at   timestamp with time zone not null
);
create unique index participant_email on participant (email);

-- A magic link is its id plus an HMAC of it: the database never holds a usable secret.
create table sign_in_link (
    id            uuid primary key,
    email         varchar(320) not null,
    discussion_id uuid references discussion (id) on delete cascade,
    created_at    timestamp with time zone not null,
    expires_at    timestamp with time zone not null,
    used_at       timestamp with time zone
);
create index sign_in_link_email on sign_in_link (email, created_at);

-- Secret ballot: the row links a participant to a vote only to keep it to one per section;
-- no API reads it back per person except the person's own.
create table section_vote (
    discussion_id  uuid    not null references discussion (id) on delete cascade,
    section_number integer not null,
    participant_id uuid    not null references participant (id),
    agree          boolean not null,
    voted_at       timestamp with time zone not null,
    primary key (discussion_id, section_number, participant_id)
);

create table comment (
    id               uuid primary key,
    discussion_id    uuid    not null references discussion (id) on delete cascade,
    section_number   integer not null,
    paragraph_number integer,
    quote            varchar(1000),
    parent_id        uuid references comment (id),
    participant_id   uuid    not null references participant (id),
    text             text    not null,
    state            varchar(16) not null,
    flags            integer not null,
    created_at       timestamp with time zone not null
);
create index comment_section on comment (discussion_id, section_number, created_at);
create index comment_parent on comment (parent_id);

create table comment_vote (
    comment_id     uuid not null references comment (id) on delete cascade,
    participant_id uuid not null references participant (id),
    up             boolean not null,
    primary key (comment_id, participant_id)
);

create table comment_flag (
    comment_id     uuid not null references comment (id) on delete cascade,
    participant_id uuid not null references participant (id),
    flagged_at     timestamp with time zone not null,
    primary key (comment_id, participant_id)
);

alter table discussion add column premoderated boolean default false not null;
