-- Who holds a claim, as a token drawn for each claim. recordAndClaim records a send and claims the
-- next row in one statement; when only one of the two rows changed, it reads the next row again to
-- learn whether the claim was its own. It compared the lease end it had written, and two consumers
-- that claimed the same row in the same microsecond (one bundle published twice by two relays, its
-- copies delivered at once) wrote the same lease: both took the row for theirs and both sent it.
alter table invitation_delivery add column claimed_by uuid;
