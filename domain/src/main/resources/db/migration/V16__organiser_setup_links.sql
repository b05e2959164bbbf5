-- One-time set-up links for organisers added by another organiser: the link carries the
-- row's id, signed; it expires, and it sets a password once.
create table organiser_setup (
    id           uuid primary key,
    organiser_id uuid not null references organiser (id),
    invited_by   uuid references organiser (id),
    created_at   timestamp with time zone not null,
    expires_at   timestamp with time zone not null,
    used_at      timestamp with time zone
);
create index organiser_setup_organiser on organiser_setup (organiser_id);
