-- Accessibility (issue 18): barriers that people report through the form on /accessibility,
-- for the organisers to read. client is a keyed hash of the reporter's address, kept only to
-- limit how many reports one client sends in an hour.
create table barrier_report (
    id uuid primary key,
    page varchar(2000),
    description varchar(4000) not null,
    email varchar(320),
    client varchar(64) not null,
    created_at timestamp with time zone not null
);
create index barrier_report_by_time on barrier_report (created_at);
create index barrier_report_by_client on barrier_report (client, created_at);
