import { unwrapResolverError } from '@apollo/server/errors';
import { formatError } from '@dangvu/subgraph-kit';
import type { GraphQLFormattedError } from 'graphql';

/** What a person calls the part of the platform each subgraph serves. */
const LABELS: Record<string, string> = {
  organization: 'tổ chức đảng',
  members: 'hồ sơ đảng viên',
  dues: 'đảng phí',
  transfers: 'chuyển sinh hoạt đảng',
};

export const serviceLabel = (name: string) => LABELS[name] ?? name;

/** The socket errors of a subgraph that cannot be reached: its process is down, or the network to it. */
const UNREACHABLE = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENOTFOUND', 'EPIPE', 'UND_ERR_SOCKET', 'UND_ERR_CONNECT_TIMEOUT']);

/**
 * The gateway's error formatting: the kit's, and a subgraph that cannot be reached said as such. The gateway
 * answers what the other subgraphs can, and the parts of the missing one are null, with a SERVICE_UNAVAILABLE
 * error naming the part (`extensions.service`; @apollo/gateway gives a failed fetch no path), so that a page
 * shows the rest and says what is missing.
 */
export function gatewayFormatError(urls: Partial<Record<string, string>>) {
  const byAddress = new Map(
    Object.entries(urls).map(([name, url]) => {
      const parsed = new URL(url!);
      return [`${parsed.hostname}:${parsed.port || (parsed.protocol === 'https:' ? 443 : 80)}`, name];
    }),
  );
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = unwrapResolverError(error) as { code?: unknown; message?: unknown; address?: unknown; port?: unknown } | null;
    const code = typeof original?.code === 'string' ? original.code : '';
    if (!UNREACHABLE.has(code)) return formatError(formatted, error);
    const address = original?.address && original.port ? `${String(original.address)}:${String(original.port)}` : /\S+:\d+/.exec(String(original?.message))?.[0];
    const service = (address && byAddress.get(address)) || null;
    const part = service ? `Phần ${serviceLabel(service)}` : 'Một phần dữ liệu';
    return {
      message: `${part} tạm thời không tải được; các phần khác vẫn dùng được. Vui lòng thử lại sau ít phút.`,
      extensions: { code: 'SERVICE_UNAVAILABLE', ...(service ? { service } : {}) },
      ...(formatted.path ? { path: formatted.path } : {}),
    };
  };
}
