import { createServer, connect, type Server, type Socket } from 'node:net';

export interface DatabaseProxy {
  /** `url` with the proxy's host and port instead of the server's. */
  url(url: string): string;
  /** The database goes away as it does when its server stops: every connection is cut, new ones are refused. */
  stop(): Promise<void>;
  /** The database is back, on the same address. */
  start(): Promise<void>;
  close(): Promise<void>;
}

/**
 * A TCP relay between the services and PostgreSQL that a test can cut and restore, so that a database outage
 * can be played on any server, the machine's shared one included, without stopping it.
 */
export async function startDatabaseProxy(databaseUrl: string): Promise<DatabaseProxy> {
  const target = new URL(databaseUrl);
  const sockets = new Set<Socket>();
  let port = 0;
  let server: Server | null = null;

  const listen = async () => {
    const relay = createServer((client) => {
      const upstream = connect(Number(target.port || 5432), target.hostname);
      for (const socket of [client, upstream]) {
        sockets.add(socket);
        socket.on('close', () => sockets.delete(socket));
        socket.on('error', () => {
          client.destroy();
          upstream.destroy();
        });
      }
      client.pipe(upstream).pipe(client);
    });
    await new Promise<void>((resolve, reject) => {
      relay.once('error', reject);
      relay.listen(port, '127.0.0.1', () => resolve());
    });
    port = (relay.address() as { port: number }).port;
    server = relay;
  };
  const cut = async () => {
    const closing = server;
    server = null;
    for (const socket of sockets) socket.destroy();
    if (closing) await new Promise<void>((resolve) => closing.close(() => resolve()));
  };
  await listen();

  return {
    url(url) {
      const parsed = new URL(url);
      parsed.hostname = '127.0.0.1';
      parsed.port = String(port);
      return parsed.toString();
    },
    stop: cut,
    start: listen,
    close: cut,
  };
}
