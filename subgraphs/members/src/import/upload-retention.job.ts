import { auditLog, daily, defineJob, vietnamDay, type Executor } from '@dangvu/subgraph-kit';
import { registerUploads } from './register-uploads.ts';

/**
 * Uploads started and never sent within their hour are deleted each night with any bytes they hold
 * (docs/decisions/0006-file-upload.md#retention), each deletion audited; the key is the day it runs for.
 */
export const uploadRetention = defineJob({
  name: 'members.upload-retention',
  description: 'Xóa các lượt tải tệp đã hết hạn mà chưa gửi tệp',
  keyOf: (args: { day: string }) => args.day,
  argsOf: (key) => {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(key)) throw new Error(`${key} is not a day (YYYY-MM-DD)`);
    return { day: key };
  },
  repositories: (executor: Executor) => ({ uploads: registerUploads.repository(executor), audit: auditLog(executor) }),
  async step({ args, repos }) {
    const deleted = await repos.uploads.deleteExpired(new Date(`${args.day}T00:00:00+07:00`));
    await repos.audit.append(
      deleted.map((upload) => ({ action: 'upload.deleted', entityType: 'Upload', entityId: upload.id, orgPath: upload.orgPath, after: { reason: 'EXPIRED' }, actorId: null, requestId: null })),
    );
    return { processed: deleted.length, finished: true };
  },
  schedule: { when: daily('03:30'), args: (due) => ({ day: vietnamDay(due) }) },
});
