// Issue #25 "time without the cost": Shanghai wall-clock reads through the fixed-offset fast path
// (domain/time.ts `cn`) beside the tz database (`cnByZone`, what every read paid before), as µs
// per call and their ratio. `node scripts/run-ts.cjs bench/time.ts`; `npm run bench` prints it too.
import { performance } from 'node:perf_hooks';
import { cn, startOfDayCN, fromCN } from '../domain/time';
import { cnByZone } from '../domain/time-zone';

function perCall(n: number, f: (i: number) => unknown): number {
  for (let i = 0; i < 200; i += 1) f(i); // warm up
  const t = performance.now();
  for (let i = 0; i < n; i += 1) f(i);
  return ((performance.now() - t) * 1000) / n;
}

export interface TimeFigures { fastUs: number; zoneUs: number; ratio: number; startOfDayUs: number; fromCnUs: number }

export function timeFigures(n = 20_000): TimeFigures {
  const base = Date.UTC(2026, 0, 1);
  const at = (i: number) => new Date(base + i * 3_701_000);
  const fastUs = perCall(n, (i) => cn(at(i)).format('YYYY-MM-DD'));
  const zoneUs = perCall(Math.max(500, n / 10), (i) => cnByZone(at(i)).format('YYYY-MM-DD'));
  return {
    fastUs, zoneUs, ratio: zoneUs / fastUs,
    startOfDayUs: perCall(n, (i) => startOfDayCN(at(i))),
    fromCnUs: perCall(n, (i) => fromCN(`2027-0${(i % 9) + 1}-1${i % 10}`, '09:30')),
  };
}

export function timeReport(f: TimeFigures): string {
  return `Shanghai time per call: fast path ${f.fastUs.toFixed(1)} µs, tz database ${f.zoneUs.toFixed(1)} µs (${f.ratio.toFixed(0)}× cheaper); startOfDayCN ${f.startOfDayUs.toFixed(1)} µs, fromCN ${f.fromCnUs.toFixed(1)} µs`;
}

// run directly (scripts/run-ts.cjs bundles this file to time.cjs), not when run.ts imports it
if (/[\/]time\.cjs$/.test(process.argv[1] ?? '')) console.log(timeReport(timeFigures()));
