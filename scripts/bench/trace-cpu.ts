/**
 * The content script's main-thread CPU time from a Chrome trace of its tab: the thread time
 * (`tdur`) of the renderer main thread's tasks in which the content script ran. Time the thread
 * spent descheduled on a busy machine is not counted, unlike a CPU profile's samples
 * (cpu-profile.ts), each of which lasts until the next one whatever the thread did meanwhile: on
 * this 2-core machine a task of 31 ms CPU took 62 ms of wall time, all of it charged to the
 * content script by the profile.
 *
 * - `totalMs`: the tasks holding an event of the bundle (its evaluation: compile, WXT's setup,
 *   `main`, and the first pass, which runs in the evaluation's microtask checkpoint), the tasks
 *   that run microtasks without parsing HTML or evaluating another script (the replay pages have
 *   no scripts of their own; Playwright's evaluations are left out), and the microtask
 *   checkpoints Chrome runs as tasks of their own after the evaluation: the background's reply
 *   arrives in a bare "Receive mojo message" task and its continuation (decorating the cards)
 *   runs in the next top-level `BlinkScheduler_PerformMicrotaskCheckpoint` (4–6 ms for 50 cards
 *   in the traces looked at), or inside the IPC task itself. Function calls in those tasks that
 *   are not the content script's (the bench's own MutationObserver, waiting for the decoration)
 *   are taken out.
 * - `passMs`: the same without compiling and evaluating the bundle: the microtask checkpoints,
 *   i.e. the pass that lists the cards, parses the page, sends the report, and the decoration
 *   when the reply comes (design.md's "parse + report + decorate").
 * - `idleMs`: apart from both, the idle-callback tasks that run the bundle: reading and sending
 *   the texts the background asked for, once the page is idle (lib/content/radar.ts).
 */
import type { CDPSession } from 'playwright-core';

export interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  tdur?: number;
  args?: { data?: { url?: string }; fileName?: string };
}

const CATEGORIES = ['toplevel', 'devtools.timeline', 'v8.execute', '__metadata'];
const TASK = 'ThreadControllerImpl::RunTask';
/** A microtask checkpoint Chrome runs as a task of its own, after an IPC message. */
const CHECKPOINT = 'BlinkScheduler_PerformMicrotaskCheckpoint';
/** A `requestIdleCallback` callback running (devtools.timeline). */
const IDLE_CALLBACK = 'FireIdleCallback';

export interface TraceFigures {
  totalMs: number;
  passMs: number;
  idleMs: number;
}

export interface TraceRecorder {
  /** Ends the trace and reads the content script's CPU time from it. */
  stop(): Promise<TraceFigures>;
}

export async function startTrace(session: CDPSession, urlPrefix: string): Promise<TraceRecorder> {
  const events: TraceEvent[] = [];
  session.on('Tracing.dataCollected', ({ value }) =>
    events.push(...(value as unknown as TraceEvent[])),
  );
  await session.send('Tracing.start', {
    transferMode: 'ReportEvents',
    traceConfig: { includedCategories: CATEGORIES },
  });
  return {
    async stop() {
      const complete = new Promise((resolve) => session.once('Tracing.tracingComplete', resolve));
      await session.send('Tracing.end');
      await complete;
      return contentScriptCpu(events, urlPrefix);
    },
  };
}

const urlOf = (e: TraceEvent) => e.args?.data?.url ?? e.args?.fileName ?? '';

export function contentScriptCpu(events: readonly TraceEvent[], urlPrefix: string): TraceFigures {
  const evaluated = events.find(
    (e) => e.name === 'EvaluateScript' && urlOf(e).startsWith(urlPrefix),
  );
  if (!evaluated) throw new Error('the trace has no evaluation of the content script');
  const thread = events
    .filter((e) => e.ph === 'X' && e.pid === evaluated.pid && e.tid === evaluated.tid)
    .sort((a, b) => a.ts - b.ts);
  let total = 0;
  let pass = 0;
  let idle = 0;
  for (let i = 0; i < thread.length;) {
    const top = thread[i] as TraceEvent;
    i++;
    const checkpoint = top.name === CHECKPOINT && top.ts > evaluated.ts;
    if (top.name !== TASK && !checkpoint) continue;
    const end = top.ts + (top.dur ?? 0);
    let bundle = false;
    let microtasks = false;
    let foreign = false;
    let checkpoints = 0;
    let othersCalls = 0;
    let idleCallback = false;
    for (; i < thread.length && (thread[i] as TraceEvent).ts <= end; i++) {
      const e = thread[i] as TraceEvent;
      const url = urlOf(e);
      if (url.startsWith(urlPrefix)) bundle = true;
      if (e.name === IDLE_CALLBACK) idleCallback = true;
      if (e.name === 'RunMicrotasks') {
        microtasks = true;
        checkpoints += e.tdur ?? 0;
      }
      if (e.name === 'ParseHTML' || (e.name === 'EvaluateScript' && !url.startsWith(urlPrefix))) {
        foreign = true;
      }
      if (e.name === 'FunctionCall' && !url.startsWith(urlPrefix)) othersCalls += e.tdur ?? 0;
    }
    if (idleCallback) {
      if (bundle) idle += top.tdur ?? 0;
    } else if (checkpoint) {
      if (microtasks && !foreign) {
        const ours = Math.max(0, (top.tdur ?? 0) - othersCalls);
        total += ours;
        pass += ours;
      }
    } else if (bundle) {
      total += top.tdur ?? 0;
      pass += checkpoints;
    } else if (microtasks && !foreign) {
      // The reply's continuation can also run inside the IPC task itself; the bench's own
      // MutationObserver, called in the same task, is not the content script.
      const ours = Math.max(0, (top.tdur ?? 0) - othersCalls);
      total += ours;
      pass += ours;
    }
  }
  return { totalMs: total / 1000, passMs: pass / 1000, idleMs: idle / 1000 };
}
