import { auditor, parseId, vietnamDay, type RequestContext } from '@dangvu/subgraph-kit';
import type { PdfPrinter } from '@dangvu/subgraph-kit/printing';
import { commentActor } from '../policy.ts';
import type { MembersStore } from '../repositories.ts';
import { paperRequestHtml, PURPOSE_WORDS } from './paper-request-document.ts';

/**
 * The printable request a workplace sends on paper to a residence outside the system
 * (docs/rules/residence-comments.md#a-residence-outside-the-system): for the workplace's officers, on a request
 * of theirs that was sent on paper. It prints the member's birth date and residence address, so each print is
 * written to the member's access log.
 */
export function paperRequestService(store: MembersStore, context: RequestContext, printer: PdfPrinter, now: () => Date) {
  const audit = auditor(context);
  return {
    /** The PDF, base64; null when the request is not this workplace's, not on paper, or not the caller's to print. */
    async pdf(workplace: { id: string; name: string }, requestId: string): Promise<string | null> {
      const request = await store.repos.residenceComments.byId(parseId(requestId));
      if (!request || request.workplaceOrgId !== workplace.id || !request.outsideName) return null;
      const actor = commentActor(context.identity, request);
      if (!actor.workplace || actor.subject) return null;
      const member = (await store.repos.members.byId(request.memberId))!;
      const html = paperRequestHtml({
        workplaceName: workplace.name,
        recipientName: request.outsideName,
        recipientAddress: request.outsideAddress ?? '',
        memberName: member.fullName,
        birthDate: member.birthDate,
        residenceAddress: member.residenceAddress,
        purpose: [PURPOSE_WORDS[request.purpose], request.purposeNote].filter(Boolean).join(': '),
        dueOn: request.dueOn,
        printedOn: vietnamDay(now()),
      });
      const pdf = await printer.print(html);
      await audit(store.repos.audit, {
        action: 'residenceComment.paperRequestPrinted',
        entityType: 'ResidenceComment',
        entityId: request.id,
        orgPath: request.workplacePath,
        subjectMemberId: request.memberId,
      });
      return pdf.toString('base64');
    },
  };
}

export type PaperRequestService = ReturnType<typeof paperRequestService>;
