-- An organiser's consent for Parley to read their Google Drive: the refresh token Google granted,
-- sealed with AES-GCM under a key that lives only in the processes' settings. The database never
-- holds the token in clear; a stolen dump without the key reads nothing.
create table drive_authorization (
    organiser_id   uuid primary key references organiser (id) on delete cascade,
    google_account varchar(320),
    token_sealed   bytea       not null,
    token_nonce    bytea       not null,
    scope          varchar(500),
    connected_at   timestamp with time zone not null
);
