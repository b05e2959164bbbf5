-- How sure the import is of a section's heading, label and level (0 to 1), where it had to
-- infer them from layout; null where the source marks them up or an organiser set them.
alter table section add column confidence double precision;
