// CPU time of everything a benchmark runs on: this process with all its worker threads
// (the embedded JobManager, TaskManager and slots, or a baseline's workers) plus the
// nats-server process, which does real work for every message.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

/** Clock ticks per second of /proc/<pid>/stat, as the kernel reports them. */
const ticksPerSecond = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim());

/** utime + stime of another process, in seconds. */
function processCpuSeconds(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // Fields after the command name, which is in parentheses and may itself hold spaces.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / ticksPerSecond;
}

export interface Reading {
  wallSeconds: number;
  cpuSeconds: number;
}

export class CpuClock {
  constructor(private readonly serverPid: number) {}

  /** Wall time and CPU time so far: subtract two readings to time an interval. */
  read(): Reading {
    const { user, system } = process.cpuUsage();
    return {
      wallSeconds: performance.now() / 1000,
      cpuSeconds: (user + system) / 1e6 + processCpuSeconds(this.serverPid),
    };
  }

  static between(start: Reading, end: Reading): Reading {
    return { wallSeconds: end.wallSeconds - start.wallSeconds, cpuSeconds: end.cpuSeconds - start.cpuSeconds };
  }
}
