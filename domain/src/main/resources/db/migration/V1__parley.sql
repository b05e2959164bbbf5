-- Parley's system of record. Written to run unchanged on PostgreSQL and on H2 in PostgreSQL mode.

create table organiser (
    id            uuid primary key,
    email         varchar(320) not null,
    password_hash varchar(200) not null,
    display_name  varchar(200),
    created_at    timestamp with time zone not null
);
create unique index organiser_email on organiser (email);

create table document_import (
    id              uuid primary key,
    organiser_id    uuid not null references organiser (id),
    source_kind     varchar(16)  not null,
    source_name     varchar(500),
    media_type      varchar(120),
    drive_file_id   varchar(200),
    requested_title varchar(500),
    pages           integer,
    state           varchar(16)  not null,
    stage           varchar(16),
    percent         integer      not null,
    message         varchar(1000),
    error_code      varchar(64),
    error_title     varchar(300),
    error_detail    varchar(2000),
    discussion_id   uuid,
    created_at      timestamp with time zone not null,
    updated_at      timestamp with time zone not null
);
create index document_import_organiser on document_import (organiser_id, created_at);

-- The uploaded bytes, readable by any worker; the message carries only the import id.
create table import_file (
    import_id  uuid primary key references document_import (id) on delete cascade,
    size_bytes bigint not null,
    content    bytea  not null
);

create table discussion (
    id          uuid primary key,
    import_id   uuid references document_import (id),
    title       varchar(1000) not null,
    description text,
    status      varchar(16) not null,
    privacy     varchar(16) not null,
    opens_at    timestamp with time zone,
    closes_at   timestamp with time zone,
    time_zone   varchar(64),
    created_at  timestamp with time zone not null
);
-- One discussion per import, whatever a redelivered message tries.
create unique index discussion_import on discussion (import_id);

create table discussion_organiser (
    discussion_id uuid not null references discussion (id) on delete cascade,
    organiser_id  uuid not null references organiser (id),
    primary key (discussion_id, organiser_id)
);

create table section (
    id            uuid primary key,
    discussion_id uuid    not null references discussion (id) on delete cascade,
    number        integer not null,
    position      integer not null,
    label         varchar(200),
    heading       text,
    level         integer not null,
    parent_number integer
);
create unique index section_number on section (discussion_id, number);

create table paragraph (
    id         uuid primary key,
    section_id uuid        not null references section (id) on delete cascade,
    number     integer     not null,
    kind       varchar(16) not null,
    text       text        not null
);
create unique index paragraph_number on paragraph (section_id, number);

-- Transactional outbox: a message is written in the business transaction and published after
-- commit; it is marked published only when the broker confirmed it.
create table outbox_message (
    id           uuid primary key,
    exchange     varchar(200) not null,
    routing_key  varchar(200) not null,
    message_type varchar(200) not null,
    payload      text         not null,
    created_at   timestamp with time zone not null,
    published_at timestamp with time zone,
    attempts     integer not null,
    next_attempt_at timestamp with time zone not null,
    last_error   varchar(1000)
);
create index outbox_pending on outbox_message (published_at, next_attempt_at);
