-- Revoked invitations: the organiser withdrew them. The personal link stops working, the address
-- no longer opens a private discussion, and a row not yet sent is not sent.
alter table invitation_delivery add column revoked_at timestamp with time zone;
