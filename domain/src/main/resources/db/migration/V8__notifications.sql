-- Notifications: what participants want to hear about, the organisers who follow discussions,
-- the ledger of notifications (one row per comment and recipient) and the mails that carry them.

-- The participant's default choice, their time zone for the digest, and the account-wide stop.
create table notification_preference (
    participant_id uuid primary key references participant (id) on delete cascade,
    replies        varchar(16) not null,
    time_zone      varchar(64),
    stopped        boolean not null,
    updated_at     timestamp with time zone not null
);

-- A choice for one discussion, over the default.
create table discussion_notification_preference (
    participant_id uuid not null references participant (id) on delete cascade,
    discussion_id  uuid not null references discussion (id) on delete cascade,
    replies        varchar(16) not null,
    updated_at     timestamp with time zone not null,
    primary key (participant_id, discussion_id)
);

-- Organisers (as participants, by their email) who hear about every new comment of a discussion.
create table discussion_follow (
    discussion_id  uuid not null references discussion (id) on delete cascade,
    participant_id uuid not null references participant (id) on delete cascade,
    created_at     timestamp with time zone not null,
    primary key (discussion_id, participant_id)
);

-- One outgoing email: an immediate notification or a day's digest. Retries, failures and the
-- Message-ID live here, as in the invitation ledger.
create table notification_mail (
    id              uuid primary key,
    recipient_id    uuid not null references participant (id) on delete cascade,
    discussion_id   uuid not null references discussion (id) on delete cascade,
    kind            varchar(16) not null,
    digest_day      date,
    status          varchar(16) not null,
    attempts        integer not null,
    next_attempt_at timestamp with time zone,
    claimed_until   timestamp with time zone,
    smtp_code       integer,
    detail          varchar(1000),
    created_at      timestamp with time zone not null,
    sent_at         timestamp with time zone
);
-- One digest per recipient, discussion and local day, however many workers sweep at once.
create unique index notification_mail_digest on notification_mail (recipient_id, discussion_id, digest_day);
create index notification_mail_due on notification_mail (status, next_attempt_at);

-- The ledger: one row per comment and recipient, whatever the number of reasons to notify them
-- and however often the event is delivered. mail_id is null while a digest row waits for its day.
create table notification (
    comment_id    uuid not null references comment (id) on delete cascade,
    recipient_id  uuid not null references participant (id) on delete cascade,
    discussion_id uuid not null references discussion (id) on delete cascade,
    cause         varchar(16) not null,
    mode          varchar(16) not null,
    mail_id       uuid references notification_mail (id) on delete set null,
    created_at    timestamp with time zone not null,
    primary key (comment_id, recipient_id)
);
create index notification_waiting on notification (mode, mail_id, recipient_id);
create index notification_mail_rows on notification (mail_id);

-- Sign-in links are mailed once, however often their message is delivered.
alter table sign_in_link add column mailed_at timestamp with time zone;
