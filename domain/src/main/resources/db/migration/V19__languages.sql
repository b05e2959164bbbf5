-- Languages (issue 18): the language a participant chose for pages and mail, and a
-- discussion's own language (its pages' lang attribute, and the last fallback for mail).
-- Both hold a BCP 47 tag such as "de" or "fr"; null means not chosen.
alter table participant add column language varchar(16);
alter table discussion add column language varchar(16);
