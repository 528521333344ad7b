import type { ApolloServerPlugin } from '@apollo/server';
import { Kind } from 'graphql';
import type { Db } from '@dangvu/drizzle';
import { SESSION_STATE_FIELD } from './access-token.ts';
import { auditLog } from './audit.repository.ts';
import { auditor } from './auditor.ts';
import type { RequestContext } from './context.ts';

/**
 * Every call a partner system makes is attributed to it in the audit trail, whatever it asked for: one entry
 * per call a subgraph answers, naming the operation and its root fields. The records it reached are noted
 * apart, on each member's own trail (`member.viewedByPartner`).
 */
export function partnerCallAuditPlugin(db: Db, subgraph: string): ApolloServerPlugin<RequestContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ contextValue, operation, operationName, errors }) {
          const { partner } = contextValue.identity;
          if (!partner) return;
          const fields = (operation?.selectionSet.selections ?? []).flatMap((selection) =>
            selection.kind === Kind.FIELD ? [selection.name.value] : [],
          );
          // The gateway's own question about the token's session (an @inaccessible field no caller can send) is
          // not a call of the partner's; recording it would add an entry every few seconds of every token.
          if (fields.length === 1 && fields[0] === SESSION_STATE_FIELD) return;
          await db.transaction((tx) =>
            auditor(contextValue)(auditLog(tx), {
              action: 'partner.called',
              entityType: 'PartnerClient',
              entityId: partner.clientId,
              after: { subgraph, operationName: operationName ?? null, fields, failed: Boolean(errors?.length) },
            }),
          );
        },
      };
    },
  };
}
