-- When an organiser closed a discussion by hand: its page says "Closed on" that day, not the
-- close date it was planned for. Null while the dates decide (or it never was closed by hand).
alter table discussion add column closed_at timestamp with time zone;
