import { readdirSync, readFileSync, readlinkSync } from 'node:fs';

/** Linux's clock ticks per second (USER_HZ), in which /proc reports CPU time: 100 on every x86-64 and arm64 kernel. */
const TICKS_PER_SECOND = 100;

const pids = () => readdirSync('/proc').filter((entry) => /^\d+$/.test(entry)).map(Number);

function read(path: string): string | null {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return null;
  }
}

/** The process listening on a TCP port of this machine, found through the socket's inode, or null. */
export function pidListeningOn(port: number): number | null {
  const hexPort = port.toString(16).toUpperCase().padStart(4, '0');
  const inodes = new Set<string>();
  for (const table of ['/proc/net/tcp', '/proc/net/tcp6']) {
    for (const line of (read(table) ?? '').split('\n').slice(1)) {
      const fields = line.trim().split(/\s+/);
      // local_address is addr:port; state 0A is LISTEN; field 9 is the inode.
      if (fields[1]?.endsWith(`:${hexPort}`) && fields[3] === '0A') inodes.add(fields[9]!);
    }
  }
  if (inodes.size === 0) return null;
  for (const pid of pids()) {
    let fds: string[];
    try {
      fds = readdirSync(`/proc/${pid}/fd`);
    } catch {
      continue;
    }
    for (const fd of fds) {
      try {
        const link = readlinkSync(`/proc/${pid}/fd/${fd}`);
        if (link.startsWith('socket:[') && inodes.has(link.slice(8, -1))) return pid;
      } catch {
        // the descriptor closed while we looked
      }
    }
  }
  return null;
}

function stat(pid: number): { parent: number; cpuMs: number } | null {
  const text = read(`/proc/${pid}/stat`);
  if (!text) return null;
  // The command name may hold spaces and parentheses: the fields start after its last ')'.
  const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
  return { parent: Number(fields[1]), cpuMs: ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_SECOND };
}

/** CPU time (user + system, ms) used so far by each named process and all its descendants, in one pass over /proc. */
export function cpuMsOf(roots: Readonly<Record<string, number>>): Record<string, number> {
  const table = new Map<number, { parent: number; cpuMs: number }>();
  for (const pid of pids()) {
    const entry = stat(pid);
    if (entry) table.set(pid, entry);
  }
  const rootOf = new Map(Object.entries(roots).map(([name, pid]) => [pid, name]));
  const totals: Record<string, number> = Object.fromEntries(Object.keys(roots).map((name) => [name, 0]));
  for (const [pid, entry] of table) {
    for (let ancestor = pid; ancestor > 1; ancestor = table.get(ancestor)?.parent ?? 0) {
      const name = rootOf.get(ancestor);
      if (name !== undefined) {
        totals[name]! += entry.cpuMs;
        break;
      }
    }
  }
  return totals;
}

/** Resident memory of one process, in MB (children not included). */
export function residentMb(pid: number): number {
  const match = /VmRSS:\s+(\d+) kB/.exec(read(`/proc/${pid}/status`) ?? '');
  return match ? Number(match[1]) / 1024 : 0;
}

/** Samples each process's resident memory every `everyMs` until stopped, keeping each one's peak. */
export function watchMemory(processes: Readonly<Record<string, number>>, everyMs = 200) {
  const peaks: Record<string, number> = Object.fromEntries(Object.keys(processes).map((name) => [name, 0]));
  const sample = () => {
    for (const [name, pid] of Object.entries(processes)) peaks[name] = Math.max(peaks[name]!, residentMb(pid));
  };
  sample();
  const timer = setInterval(sample, everyMs);
  return {
    stop(): Record<string, number> {
      clearInterval(timer);
      sample();
      return peaks;
    },
  };
}
