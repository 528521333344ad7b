-- Names in Vietnamese alphabetical order (docs/rules/member-register.md#vietnamese-order): "Dương" before
-- "Đông", "Hạ" before "Hưng Long", as ICU's Vietnamese rules have it and the default collation does not.
-- ICU comes with PostgreSQL 15+ as Debian builds it and with the embedded server.
CREATE COLLATION IF NOT EXISTS "members"."vi_vn" (provider = icu, locale = 'vi-VN');
