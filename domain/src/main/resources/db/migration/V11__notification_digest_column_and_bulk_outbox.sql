-- "Immediate and daily": a reply then travels in an email of its own and in the day's digest.
-- The ledger row keeps the immediate mail in mail_id and the digest in a column of its own, and
-- the frequency names grow past 16 characters.
alter table notification_preference alter column replies set data type varchar(32);
alter table discussion_notification_preference alter column replies set data type varchar(32);
alter table notification alter column mode set data type varchar(32);

alter table notification add column digest_mail_id uuid;
alter table notification add constraint notification_digest_mail
    foreign key (digest_mail_id) references notification_mail (id) on delete set null;
-- Rows that went into a digest before this column existed carried it in mail_id.
update notification set digest_mail_id = mail_id, mail_id = null where mode = 'DAILY' and mail_id is not null;
create index notification_waiting_digest on notification (digest_mail_id, mode, recipient_id);

-- Messages written by the thousand (a campaign's SendInvitation) are relayed after the ones a
-- request writes one at a time (a reply, an import, a sign-in link), so a campaign's backlog in the
-- outbox never holds up a reply's notification.
alter table outbox_message add column bulk boolean default false not null;
-- The relay's query walks this index instead of sorting every pending row: with a campaign's
-- backlog pending, a sort per page (and per reply) costs more than the publishing.
create index outbox_due on outbox_message (published_at, bulk, created_at);
