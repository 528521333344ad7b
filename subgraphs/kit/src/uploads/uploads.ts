import { createHash } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Db } from '@dangvu/drizzle';
import { auditLog, type AuditLog } from '../audit.repository.ts';
import type { AuditFact } from '../auditor.ts';
import type { SignedCall } from '../gateway-signature.ts';
import type { Executor } from '../store.ts';
import type { UserError } from '../user-error.ts';
import { checkFileType, type FileType } from './file-type.ts';
import { uploadRepository, type UploadRepository, type UploadRow, type UploadTables } from './upload.repository.ts';

/** What the start and use steps write on: the owner's uploads and audit trail, on the caller's transaction. */
export interface UploadRepos {
  uploads: UploadRepository;
  audit: AuditLog;
}

/** What one purpose accepts (docs/decisions/0006-file-upload.md#size-and-type). */
export interface UploadPurpose {
  types: readonly FileType[];
  maxBytes: number;
}

/** How long a started upload waits for its bytes. */
export const UPLOAD_WINDOW_MS = 60 * 60 * 1000;

/** The document a signed upload call stands for, in place of a GraphQL query: the call can carry no other upload or size. */
export const uploadCallDocument = (uploadId: string) => `PUT /uploads/${uploadId}`;
export const uploadCallVariables = (bytes: number) => ({ bytes });

export interface StartUploadInput {
  purpose: string;
  orgId: string;
  orgPath: string;
  fileName: string;
  byteSize: number;
  sha256: string;
}

const userError = (code: string, field: string | null, message: string): UserError => ({ code, field, message });
const MiB = (bytes: number) => Math.round(bytes / (1024 * 1024));

/** The answer of the bytes route: an HTTP status and a JSON body in the platform's error shape. */
export interface UploadAnswer {
  status: number;
  body: unknown;
}

const refusal = (status: number, code: string, message: string): UploadAnswer => ({ status, body: { errors: [{ message, extensions: { code } }] } });

/**
 * The uploads of one subgraph: the start step (after the subgraph's policy has said yes), the bytes route,
 * and the one use of a received upload. Each step is audited; no entry ever holds the file's content.
 */
export function defineUploads<P extends string>(tables: UploadTables, purposes: Record<P, UploadPurpose>) {
  const isPurpose = (purpose: string): purpose is P => Object.hasOwn(purposes, purpose);
  const auditUpload = (log: AuditLog, actorId: string | null, requestId: string | null, row: UploadRow, fact: Omit<AuditFact, 'entityType' | 'entityId' | 'orgPath'>) =>
    log.append([{ ...fact, entityType: 'Upload', entityId: row.id, orgPath: row.orgPath, actorId, requestId }]);

  return {
    purposes,
    repository: (executor: Executor) => uploadRepository(executor, tables),

    /** Records a pending upload for the caller; the caller's right to upload this purpose is checked before. */
    async start(repos: UploadRepos, call: SignedCall, input: StartUploadInput, now = new Date()): Promise<{ upload: UploadRow | null; userErrors: UserError[] }> {
      if (!isPurpose(input.purpose) || !call.identity.personId) throw new Error(`no upload purpose ${input.purpose}`);
      const { maxBytes } = purposes[input.purpose];
      const fileName = input.fileName.trim();
      const errors: UserError[] = [];
      if (fileName.length === 0 || fileName.length > 255) errors.push(userError('INVALID_FILE_NAME', 'fileName', 'Tên tệp phải có từ 1 đến 255 ký tự.'));
      if (!Number.isSafeInteger(input.byteSize) || input.byteSize <= 0) errors.push(userError('EMPTY_FILE', 'byteSize', 'Tệp rỗng: đồng chí chọn lại tệp.'));
      else if (input.byteSize > maxBytes) errors.push(userError('FILE_TOO_LARGE', 'byteSize', `Tệp quá lớn: tối đa ${MiB(maxBytes)} MB cho loại tệp này.`));
      const sha256 = input.sha256.toLowerCase();
      if (!/^[0-9a-f]{64}$/.test(sha256)) errors.push(userError('INVALID_CHECKSUM', 'sha256', 'Mã kiểm tra SHA-256 phải gồm 64 ký tự thập lục phân.'));
      if (errors.length > 0) return { upload: null, userErrors: errors };
      const upload = await repos.uploads.create({
        purpose: input.purpose,
        ownerId: call.identity.personId,
        orgId: input.orgId,
        orgPath: input.orgPath,
        fileName,
        declaredBytes: input.byteSize,
        declaredSha256: sha256,
        expiresAt: new Date(now.getTime() + UPLOAD_WINDOW_MS),
      });
      await auditUpload(repos.audit, call.identity.personId, call.requestId, upload, {
        action: 'upload.started',
        after: { purpose: upload.purpose, fileName, byteSize: upload.declaredBytes, sha256 },
      });
      return { upload, userErrors: [] };
    },

    /**
     * The bytes route's work, once the gateway's signature is checked: only the caller's own pending upload,
     * exactly the declared size and hash, and a type its purpose accepts. The bytes are held in memory while
     * they are checked (a purpose's limit at most; the route admits few at once), and stored only when accepted.
     */
    async receive(db: Db, call: SignedCall, uploadId: string, request: IncomingMessage, now = new Date()): Promise<UploadAnswer> {
      const repository = uploadRepository(db, tables);
      const row = await repository.byId(uploadId);
      if (!row || row.ownerId !== call.identity.personId || !isPurpose(row.purpose)) {
        return refusal(404, 'NOT_FOUND', 'Không tìm thấy lượt tải tệp này.');
      }
      if (row.status !== 'PENDING') return refusal(409, 'UPLOAD_CLOSED', 'Tệp của lượt tải này đã được gửi rồi.');
      if (row.expiresAt <= now) return refusal(410, 'UPLOAD_EXPIRED', 'Lượt tải đã hết hạn (1 giờ): đồng chí bắt đầu tải lại.');
      if (Number(request.headers['content-length']) !== row.declaredBytes) {
        return refusal(400, 'SIZE_MISMATCH', 'Kích thước tệp gửi lên khác kích thước đã khai.');
      }
      const chunks: Buffer[] = [];
      let size = 0;
      const hash = createHash('sha256');
      for await (const chunk of request as AsyncIterable<Buffer>) {
        size += chunk.length;
        if (size > row.declaredBytes) return refusal(413, 'PAYLOAD_TOO_LARGE', 'Tệp gửi lên lớn hơn kích thước đã khai.');
        hash.update(chunk);
        chunks.push(chunk);
      }
      const bytes = Buffer.concat(chunks);
      const actual = hash.digest('hex');
      const check =
        actual !== row.declaredSha256
          ? { refusal: 'Tệp nhận được khác tệp đã khai (mã SHA-256 không khớp): đồng chí tải lại.' }
          : checkFileType(bytes, purposes[row.purpose].types);
      return db.transaction(async (tx) => {
        const store = uploadRepository(tx, tables);
        const log = auditLog(tx);
        if ('refusal' in check) {
          if (!(await store.refuse(row.id, check.refusal, bytes.length, null))) return refusal(409, 'UPLOAD_CLOSED', 'Tệp của lượt tải này đã được gửi rồi.');
          await auditUpload(log, call.identity.personId, call.requestId, row, { action: 'upload.refused', after: { byteSize: bytes.length, reason: check.refusal } });
          return refusal(422, 'UPLOAD_REFUSED', check.refusal);
        }
        if (!(await store.receive(row.id, bytes, check.type))) return refusal(409, 'UPLOAD_CLOSED', 'Tệp của lượt tải này đã được gửi rồi.');
        await auditUpload(log, call.identity.personId, call.requestId, row, { action: 'upload.received', after: { byteSize: bytes.length, detectedType: check.type } });
        return { status: 200, body: { upload: { id: row.id, status: 'RECEIVED', detectedType: check.type, byteSize: bytes.length } } };
      });
    },

    /**
     * Takes a received upload for one use, in the transaction of what it feeds: the caller's own, of this
     * purpose, inside `orgPath` when given. Returns its row and bytes, or why not as a user error on `field`.
     */
    async consume(
      repos: UploadRepos,
      call: SignedCall,
      uploadId: string,
      expected: { purpose: P; field: string; feeds: string },
    ): Promise<{ upload: UploadRow; bytes: Buffer } | { userError: UserError }> {
      const repository = repos.uploads;
      const row = await repository.byIdForUpdate(uploadId);
      if (!row || row.ownerId !== call.identity.personId || row.purpose !== expected.purpose) {
        return { userError: userError('UPLOAD_NOT_FOUND', expected.field, 'Không tìm thấy tệp đã tải lên của đồng chí cho việc này.') };
      }
      if (row.status === 'REFUSED') return { userError: userError('UPLOAD_REFUSED', expected.field, row.refusal ?? 'Tệp đã bị từ chối.') };
      if (row.status === 'CONSUMED') return { userError: userError('UPLOAD_USED', expected.field, 'Tệp này đã được dùng rồi: đồng chí tải tệp lên lại.') };
      if (row.status !== 'RECEIVED' || !(await repository.consume(row.id))) {
        return { userError: userError('UPLOAD_NOT_RECEIVED', expected.field, 'Tệp chưa được gửi lên xong.') };
      }
      await auditUpload(repos.audit, call.identity.personId, call.requestId, row, { action: 'upload.consumed', after: { feeds: expected.feeds } });
      return { upload: row, bytes: await repository.bytes(row.id) };
    },
  };
}

export type Uploads<P extends string = string> = ReturnType<typeof defineUploads<P>>;
