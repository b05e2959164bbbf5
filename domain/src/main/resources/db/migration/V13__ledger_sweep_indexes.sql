-- The sweeps find rows by time, not by status. (status, next_attempt_at) served both sweeps, but
-- it also offered the planner a second way to a row the consumers update by id: a status that is
-- rare among live rows (SENDING: one row per consumer) looked cheaper to look up by status than by
-- primary key, so "where id = :sent and status = 'SENDING'" scanned every SENDING entry the index
-- held. Without vacuum those are every row the campaign had claimed so far, and bitmap scans never
-- mark them dead: a campaign's statements grew slower with every invitee sent. With no index
-- keyed by status, a row is always found by its id.
drop index invitation_delivery_due;
-- Retries that are due, and queued rows whose message got lost: status = 'QUEUED' and
-- next_attempt_at <= now (sent and failed rows have none).
create index invitation_delivery_due on invitation_delivery (next_attempt_at);
-- Leases that ran out (a worker died while sending): status = 'SENDING' and claimed_until < now.
create index invitation_delivery_lease on invitation_delivery (claimed_until);

-- The notification mails are claimed and finished by id the same way, and swept the same way.
drop index notification_mail_due;
create index notification_mail_due on notification_mail (next_attempt_at);
create index notification_mail_lease on notification_mail (claimed_until);
