-- An address is invited once per batch, and the database says which entry came first. valid_key is
-- the address's key on every row that is an invitation (queued, sending, sent, failed, suppressed)
-- and null on invalid and duplicate entries, which a unique index does not compare. The fan-out
-- inserts an entry with ON CONFLICT DO NOTHING and records the ones that conflicted as duplicates:
-- one index probe per entry, where looking the chunk's addresses up first scanned the whole batch
-- whenever the planner's statistics were stale (every chunk of a campaign, on a fresh table).
alter table invitation_delivery add column valid_key varchar(320);
update invitation_delivery set valid_key = email_key where status not in ('INVALID', 'DUPLICATE');
drop index invitation_delivery_batch_email;
create unique index invitation_delivery_batch_address on invitation_delivery (batch_id, valid_key);
-- Every change of status wrote an entry into each index of the row; a batch's rows are found by
-- the two indexes above (its counts read the rows anyway), so (batch_id, status) goes.
drop index invitation_delivery_batch_status;

-- A fan-out's chunk of SendInvitation messages is one outbox row (Outbox.enqueueAll), a bundle of
-- this many messages, not one row each: a campaign of 100,000 made the relay's page query sort
-- 100,000 rows for every 200 it published. Null on a row that is one message: every row written
-- before this version, bulk ones included, is read as it was written.
alter table outbox_message add column messages integer;
