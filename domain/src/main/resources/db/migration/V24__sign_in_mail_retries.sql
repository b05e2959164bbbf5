-- The one mail pipeline (issue 19): a sign-in mail the relay refused for now waits in its own row
-- for its next try, as invitations and notifications do, instead of in the broker's retries.
alter table sign_in_link add column mail_attempts integer not null default 0;
alter table sign_in_link add column mail_due_at timestamp with time zone;
create index sign_in_link_mail_due on sign_in_link (mail_due_at);
