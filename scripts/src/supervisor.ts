import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';

export interface ServiceSpec {
  name: string;
  command: string;
  args: string[];
  cwd: string;
  /** The child's whole environment: nothing of the launcher's own passes unless it is here (scripts/src/services.ts). */
  env: Record<string, string>;
}

const COLOURS = [36, 35, 33, 32, 34, 31, 90];
const MAX_RESTARTS = 5;
const RESTART_WINDOW_MS = 60_000;

/**
 * Runs the services as child processes, each line of their output prefixed with its name. A service that
 * exits on its own is reported and restarted with back-off; one that keeps crashing stops the platform.
 */
export class Supervisor {
  private readonly children = new Map<string, ChildProcess>();
  private readonly crashes = new Map<string, number[]>();
  private stopping = false;
  private readonly width: number;
  private readonly services: ServiceSpec[];
  private readonly onGiveUp: (name: string) => void;

  constructor(services: ServiceSpec[], onGiveUp: (name: string) => void) {
    this.services = services;
    this.width = Math.max(...services.map((service) => service.name.length));
    this.onGiveUp = onGiveUp;
  }

  startAll(): void {
    this.services.forEach((service, index) => this.start(service, COLOURS[index % COLOURS.length]!));
  }

  private prefix(name: string, colour: number): string {
    const label = name.padEnd(this.width);
    return process.stdout.isTTY ? `\x1b[${colour}m${label} │\x1b[0m ` : `${label} | `;
  }

  private start(service: ServiceSpec, colour: number): void {
    const child = spawn(service.command, service.args, {
      cwd: service.cwd,
      env: service.env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.children.set(service.name, child);
    const prefix = this.prefix(service.name, colour);
    for (const stream of [child.stdout, child.stderr]) {
      createInterface({ input: stream }).on('line', (line) => process.stdout.write(`${prefix}${line}\n`));
    }
    child.on('exit', (code, signal) => {
      this.children.delete(service.name);
      if (this.stopping) return;
      const now = Date.now();
      const recent = [...(this.crashes.get(service.name) ?? []), now].filter((at) => now - at < RESTART_WINDOW_MS);
      this.crashes.set(service.name, recent);
      const how = signal ? `tín hiệu ${signal}` : `mã thoát ${code}`;
      if (recent.length > MAX_RESTARTS) {
        process.stdout.write(`${prefix}✗ dừng hẳn sau ${MAX_RESTARTS} lần khởi động lại trong một phút (${how}) / gave up\n`);
        this.onGiveUp(service.name);
        return;
      }
      const delay = 500 * 2 ** (recent.length - 1);
      process.stdout.write(`${prefix}✗ dịch vụ đã dừng bất thường (${how}); khởi động lại sau ${delay} ms / crashed, restarting\n`);
      setTimeout(() => this.stopping || this.start(service, colour), delay);
    });
  }

  /** SIGTERM to every child, then SIGKILL to any still running after `graceMs`. */
  async stopAll(graceMs = 10_000): Promise<void> {
    this.stopping = true;
    const exits = [...this.children.values()].map(
      (child) =>
        new Promise<void>((resolve) => {
          if (child.exitCode !== null || child.signalCode !== null) return resolve();
          const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
          child.once('exit', () => {
            clearTimeout(timer);
            resolve();
          });
          child.kill('SIGTERM');
        }),
    );
    await Promise.all(exits);
  }
}
