-- The public servants' schedule for 2026 where it departs from the statutory rule (docs/rules/working-days.md).
-- Tết Bính Ngọ (16–20/02/2026) and Hùng Kings' day (26/04, made up on 27/04) need no row: the rule gives them.
-- 2027 and later: no schedule published when this was written; an administrator enters each year's.
INSERT INTO "calendar"."adjustments" ("day", "kind", "note", "source") VALUES
  ('2026-01-02', 'DAY_OFF', 'Nghỉ Tết Dương lịch (hoán đổi với thứ Bảy 10/01/2026)', 'Văn phòng Chính phủ, Công văn 12729/VPCP-KGVX ngày 25/12/2025'),
  ('2026-01-10', 'WORKING_DAY', 'Làm bù cho thứ Sáu 02/01/2026', 'Văn phòng Chính phủ, Công văn 12729/VPCP-KGVX ngày 25/12/2025'),
  ('2026-08-22', 'WORKING_DAY', 'Làm bù cho thứ Hai 31/08/2026', 'Bộ Nội vụ, Thông báo 9441/TB-BNV ngày 16/10/2025'),
  ('2026-08-31', 'DAY_OFF', 'Nghỉ lễ Quốc khánh (hoán đổi với thứ Bảy 22/08/2026)', 'Bộ Nội vụ, Thông báo 9441/TB-BNV ngày 16/10/2025')
ON CONFLICT ("day") DO NOTHING;
