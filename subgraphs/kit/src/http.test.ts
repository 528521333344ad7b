import { request as httpRequest } from 'node:http';
import { describe, expect, it } from 'vitest';
import { listen } from './http.ts';

/** A GET that resolves with the status and body, or with the socket error's code. */
function get(url: string, path: string): Promise<{ status: number; body: string } | { error: string }> {
  return new Promise((resolve) => {
    const sent = httpRequest(new URL(path, url), (response) => {
      let body = '';
      response.on('data', (chunk) => (body += chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
      response.on('error', (error: NodeJS.ErrnoException) => resolve({ error: error.code ?? error.message }));
    });
    sent.on('error', (error: NodeJS.ErrnoException) => resolve({ error: error.code ?? error.message }));
    sent.end();
  });
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('stopping a server (SIGTERM)', () => {
  it('lets a request under way finish, refuses new ones, then stops', async () => {
    let stopped = false;
    const running = await listen(
      async (_request, response) => {
        await pause(300);
        response.end('xong');
      },
      0,
      '127.0.0.1',
      async () => {
        stopped = true;
      },
    );
    const underWay = get(running.url, '/slow');
    await pause(50);
    const stopping = running.stop();
    const refused = await get(running.url, '/new');
    expect(refused).toEqual({ error: 'ECONNREFUSED' });
    expect(await underWay).toEqual({ status: 200, body: 'xong' });
    await stopping;
    expect(stopped).toBe(true);
  });

  it('cuts a request that does not finish within the bound, and stops all the same', async () => {
    const running = await listen(() => new Promise(() => {}), 0, '127.0.0.1', async () => {});
    const hanging = get(running.url, '/forever');
    await pause(50);
    await running.stop(200);
    expect(await hanging).toEqual({ error: 'ECONNRESET' });
  });
});
