-- Invitations: a batch with its raw list, a delivery ledger with one row per entry of the list,
-- the addresses that must not be mailed again, and the permits of the global sending rate.

create table invitation_batch (
    id            uuid primary key,
    discussion_id uuid not null references discussion (id) on delete cascade,
    organiser_id  uuid not null references organiser (id),
    message       varchar(4000),
    source_name   varchar(500),
    entries       integer not null,
    fan_out       varchar(16) not null,
    created_at    timestamp with time zone not null,
    updated_at    timestamp with time zone not null
);
create index invitation_batch_discussion on invitation_batch (discussion_id, created_at);

-- The list as the organiser gave it; the fan-out job reads it, the message carries only the batch id.
create table invitation_list (
    batch_id uuid primary key references invitation_batch (id) on delete cascade,
    content  text not null
);

-- The ledger. One row per entry of the list, keyed by its line: a restarted fan-out cannot add a second.
create table invitation_delivery (
    id              uuid primary key,
    batch_id        uuid not null references invitation_batch (id) on delete cascade,
    line            integer not null,
    email           varchar(320) not null,
    email_key       varchar(320) not null,
    name            varchar(200),
    status          varchar(16) not null,
    reason          varchar(1000),
    smtp_code       integer,
    attempts        integer not null,
    next_attempt_at timestamp with time zone,
    claimed_until   timestamp with time zone,
    ambiguous       boolean not null,
    message_id      varchar(300),
    token           varchar(64),
    created_at      timestamp with time zone not null,
    updated_at      timestamp with time zone not null,
    sent_at         timestamp with time zone
);
create unique index invitation_delivery_line on invitation_delivery (batch_id, line);
create unique index invitation_delivery_token on invitation_delivery (token);
create index invitation_delivery_batch_status on invitation_delivery (batch_id, status);
create index invitation_delivery_batch_email on invitation_delivery (batch_id, email_key);
create index invitation_delivery_due on invitation_delivery (status, next_attempt_at);

-- Addresses that unsubscribed or bounced hard: later batches skip them.
create table email_suppression (
    email_key  varchar(320) primary key,
    reason     varchar(32) not null,
    detail     varchar(1000),
    created_at timestamp with time zone not null
);

-- The timestamps of the last N grants of the global sending rate (N = rate x window). A grant
-- takes the oldest slot, and only if that one is older than the window: exact over any window,
-- across every worker process.
create table send_permit (
    slot       integer primary key,
    granted_at timestamp with time zone not null
);
