-- A discussion's status follows its dates once published, unless the organiser pinned it
-- (closed early, reopened). The stored status column gives way to these two facts.
alter table discussion add column published_at timestamp with time zone;
alter table discussion add column status_override varchar(16);
alter table discussion drop column status;
