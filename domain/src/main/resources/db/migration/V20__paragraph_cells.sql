-- The cells of a TABLE paragraph (issue 14), as JSON: {"rows": [["Goal", "2024"], …],
-- "headerRows": 1, "caption": "…"}. A spanning cell is repeated in every slot it covers.
-- Null for every other paragraph, and for a table known only as text. Plain text rather
-- than a JSON type, so that the one migration runs on H2 and PostgreSQL alike; only the
-- application reads it.
alter table paragraph add column cells text;
