import { afterEach, describe, expect, it, vi } from 'vitest';
import { Supervisor } from '../src/supervisor.ts';

const node = process.execPath;
let output: string[] = [];
afterEach(() => {
  vi.restoreAllMocks();
  output = [];
});
function capture() {
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    output.push(String(chunk));
    return true;
  });
}
const until = async (check: () => boolean, ms = 10_000) => {
  const deadline = Date.now() + ms;
  while (!check() && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
  return check();
};

describe('Supervisor', () => {
  it('prefixes each line of a service’s output with its name', async () => {
    capture();
    const supervisor = new Supervisor(
      [{ name: 'members', command: node, args: ['-e', 'console.log("xin chào"); setInterval(() => {}, 1000)'], cwd: '.', env: {} }],
      () => {},
    );
    supervisor.startAll();
    expect(await until(() => output.some((line) => line.includes('members | xin chào')))).toBe(true);
    await supervisor.stopAll();
  });

  it('gives a service its own environment and nothing of the launcher’s', async () => {
    capture();
    process.env.DANGVU_TEST_LAUNCHER_SECRET = 'bí mật';
    const print = 'console.log("env", process.env.DANGVU_TEST_LAUNCHER_SECRET ?? "-", process.env.OWN ?? "-"); setInterval(() => {}, 1000)';
    const supervisor = new Supervisor([{ name: 'dues', command: node, args: ['-e', print], cwd: '.', env: { OWN: 'của riêng' } }], () => {});
    try {
      supervisor.startAll();
      expect(await until(() => output.some((line) => line.includes('env ')))).toBe(true);
      expect(output.join('')).toContain('dues | env - của riêng');
    } finally {
      delete process.env.DANGVU_TEST_LAUNCHER_SECRET;
      await supervisor.stopAll();
    }
  });

  it('reports a service that crashes and starts it again', async () => {
    capture();
    const supervisor = new Supervisor(
      [{ name: 'dues', command: node, args: ['-e', 'console.log("lên"); process.exit(3)'], cwd: '.', env: {} }],
      () => {},
    );
    supervisor.startAll();
    expect(await until(() => output.filter((line) => line.includes('lên')).length >= 2)).toBe(true);
    expect(output.join('')).toMatch(/dues \| ✗ .*mã thoát 3/);
    await supervisor.stopAll();
  });

  it('restarts a crashing service with a back-off that doubles, then gives up on it and says so', async () => {
    capture();
    const gaveUp = vi.fn();
    const supervisor = new Supervisor([{ name: 'web', command: node, args: ['-e', 'process.exit(1)'], cwd: '.', env: {} }], gaveUp);
    supervisor.startAll();
    expect(await until(() => gaveUp.mock.calls.length > 0, 25_000)).toBe(true);
    expect(gaveUp).toHaveBeenCalledWith('web');
    // Each restart waits twice as long as the one before.
    const delays = [...output.join('').matchAll(/khởi động lại sau (\d+) ms/g)].map(([, ms]) => Number(ms));
    expect(delays).toEqual([500, 1000, 2000, 4000, 8000]);
    expect(output.join('')).toMatch(/dừng hẳn/);
    await supervisor.stopAll();
  }, 30_000);

  it('stops every service on stopAll', async () => {
    capture();
    const supervisor = new Supervisor(
      [{ name: 'gateway', command: node, args: ['-e', 'setInterval(() => {}, 1000)'], cwd: '.', env: {} }],
      () => {},
    );
    supervisor.startAll();
    await new Promise((resolve) => setTimeout(resolve, 200));
    await supervisor.stopAll(2_000);
    expect(output.join('')).not.toMatch(/✗/);
  });
});
