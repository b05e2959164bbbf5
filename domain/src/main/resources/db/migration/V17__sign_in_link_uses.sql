-- A magic link signs in a few times within its short life instead of once: a mail scanner that
-- opens it first no longer burns it for its owner (docs/security.md, "Magic links").
alter table sign_in_link add column uses integer not null default 0;
update sign_in_link set uses = 1 where used_at is not null;
