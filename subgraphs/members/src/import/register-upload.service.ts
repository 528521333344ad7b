import { notFound, parseId, type RequestContext, type UploadRow } from '@dangvu/subgraph-kit';
import { policy } from '../policy.ts';
import type { MembersStore } from '../repositories.ts';
import { registerUploads, type RegisterUploadPurpose } from './register-uploads.ts';

export interface StartRegisterUploadInput {
  purpose: RegisterUploadPurpose;
  organizationId: string;
  fileName: string;
  byteSize: number;
  sha256: string;
}

/** An upload as the API shows it, with where its bytes go (clients never build the address). */
export const uploadView = (upload: UploadRow) => ({
  id: upload.id,
  purpose: upload.purpose as RegisterUploadPurpose,
  status: upload.status,
  fileName: upload.fileName,
  byteSize: upload.declaredBytes,
  expiresAt: upload.expiresAt,
  url: `/uploads/members/${upload.id}`,
  maxBytes: registerUploads.purposes[upload.purpose as RegisterUploadPurpose].maxBytes,
});

/** The start step of a register import or a social-insurance file: an administrator over the organization it concerns. */
export function registerUploadService(store: MembersStore, context: RequestContext) {
  return {
    async start(input: StartRegisterUploadInput) {
      const orgId = parseId(input.organizationId);
      return store.transaction(async (repos) => {
        const orgPath = await repos.members.subtreePathOf(orgId);
        if (!orgPath) throw notFound('tổ chức có đảng viên');
        policy.assert(context.identity, 'IMPORT_REGISTER', { path: orgPath });
        const { upload, userErrors } = await registerUploads.start(repos, context, { ...input, orgId, orgPath });
        return { upload: upload && uploadView(upload), userErrors };
      });
    },
  };
}

export type RegisterUploadService = ReturnType<typeof registerUploadService>;
