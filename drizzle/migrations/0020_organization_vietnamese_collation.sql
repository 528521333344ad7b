-- Organizations in Vietnamese alphabetical order (docs/rules/member-register.md#vietnamese-order): "Đông Hải"
-- after "Dương Nội" and before "Gia Lâm". The organization subgraph's role has no USAGE on the members schema,
-- so it gets its own copy of migration 0018's collation in the schema it owns.
CREATE COLLATION IF NOT EXISTS "organization"."vi_vn" (provider = icu, locale = 'vi-VN');
