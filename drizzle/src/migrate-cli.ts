import { migrateDatabase } from './migrate.ts';

const url = process.env.DATABASE_URL;
if (!url) {
  console.error('DATABASE_URL chưa được đặt / DATABASE_URL is not set');
  process.exit(1);
}
await migrateDatabase(url);
console.log('Đã áp dụng các migration và quyền của các vai trò / migrations, roles and grants applied');
