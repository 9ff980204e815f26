// Self-measurement while scripts run: the longest extension-host stall of each run, kept on
// the session and, with `gradscope.diagnostics.metricsFile` set, written out with the run —
// followed by the same measurement with the host idle for as long (or 3 s at most), a
// baseline for what the machine's load alone causes.
import { Disposable } from 'vscode';
import type { Gradscope } from './context';
import { StallProbe } from './metrics';

const round = (ms: number) => Math.round(ms * 10) / 10;
const BASELINE_MAX_MS = 3000;

export function register(g: Gradscope): Disposable {
  const probe = new StallProbe();
  const baseline = new StallProbe();
  let baselineTimer: ReturnType<typeof setTimeout> | null = null;
  const sub = g.hub.on((e) => {
    if (e.type === 'started') probe.start(g.metrics.enabled);
    if (e.type !== 'ended') return;
    const stall = probe.stop();
    e.t.longestStallMs = stall;
    if (!g.metrics.enabled) return;
    const seconds = e.t.exit?.seconds ?? 0;
    g.metrics.record({
      event: 'run', kind: e.t.kind, program: e.t.program, exitCode: e.t.exit?.code, seconds,
      nodes: e.t.snapshot?.nodes.length ?? 0, longestStallMs: round(stall), stallAtMs: Math.round(probe.worstAt), longestStallWaitedMs: round(probe.worstWaited),
      longestBusyMs: round(probe.worstBusy), hostCpuMs: round(probe.hostCpuMs), stealMs: probe.stealMs, stalls: [...probe.long],
    });
    if (baselineTimer) clearTimeout(baselineTimer);
    const span = Math.min(BASELINE_MAX_MS, Math.max(500, seconds * 1000));
    baseline.start(true);
    baselineTimer = setTimeout(() => {
      baselineTimer = null;
      const idle = baseline.stop();
      g.metrics.record({
        event: 'idle', program: e.t.program, ms: span, longestStallMs: round(idle), longestBusyMs: round(baseline.worstBusy),
        hostCpuMs: round(baseline.hostCpuMs), stealMs: baseline.stealMs, stalls: [...baseline.long],
      });
    }, span);
  });
  return new Disposable(() => { probe.stop(); baseline.stop(); if (baselineTimer) clearTimeout(baselineTimer); sub.dispose(); });
}
