import { describe, expect, it } from 'vitest';
import { contentScriptCpu, type TraceEvent } from './trace-cpu';

const CHECKPOINT = 'BlinkScheduler_PerformMicrotaskCheckpoint';

type Inner = Pick<TraceEvent, 'name'> & Partial<TraceEvent>;

const PREFIX = 'chrome-extension://abc/papers-page.js';
const MAIN = { pid: 1, tid: 1 };

/** A task of `tdurMs` CPU at `ts` µs lasting `durUs`, and the events inside it. */
function task(ts: number, tdurMs: number, inner: Inner[] = [], durUs = 1000): TraceEvent[] {
  return [
    {
      name: 'ThreadControllerImpl::RunTask',
      ph: 'X',
      ...MAIN,
      ts,
      dur: durUs,
      tdur: tdurMs * 1000,
    },
    ...inner.map((e, i) => ({ ph: 'X', ...MAIN, ts: ts + 1 + i, dur: 1, ...e })),
  ];
}

const evaluation: Inner = { name: 'EvaluateScript', args: { data: { url: PREFIX } } };
const microtasks = (tdurMs: number): Inner => ({ name: 'RunMicrotasks', tdur: tdurMs * 1000 });

describe('contentScriptCpu', () => {
  it("counts the bundle's task whole and its microtask checkpoints as the pass", () => {
    const events = task(0, 30, [evaluation, microtasks(18)]);
    expect(contentScriptCpu(events, PREFIX)).toEqual({ totalMs: 30, passMs: 18, idleMs: 0 });
  });

  it('counts later tasks that run microtasks, whole, in both figures', () => {
    const events = [
      ...task(0, 30, [evaluation, microtasks(18)]),
      ...task(5000, 4, [microtasks(1)]),
    ];
    expect(contentScriptCpu(events, PREFIX)).toEqual({ totalMs: 34, passMs: 22, idleMs: 0 });
  });

  it("counts the reply's own microtask checkpoint (the decoration), less others' calls in it", () => {
    const checkpoint = (ts: number, tdurMs: number, inner: Inner[]) => {
      const [, ...rest] = task(ts, tdurMs, inner);
      const head = { ...(task(ts, tdurMs)[0] as TraceEvent), name: CHECKPOINT };
      return [head, ...rest];
    };
    const observer = (url: string, tdurMs: number): Inner => ({
      name: 'FunctionCall',
      tdur: tdurMs * 1000,
      args: { data: { url } },
    });
    const events = [
      // Before the content script ran: the page's own checkpoint, not counted.
      ...checkpoint(-5000, 2, [microtasks(2)]),
      ...task(0, 30, [evaluation, microtasks(18)]),
      ...checkpoint(9000, 5, [microtasks(5), observer('', 0.5), observer(PREFIX, 1)]),
    ];
    expect(contentScriptCpu(events, PREFIX)).toEqual({ totalMs: 34.5, passMs: 22.5, idleMs: 0 });
  });

  it("leaves out the page's HTML parsing, other scripts, other threads and plain tasks", () => {
    const events = [
      ...task(0, 30, [evaluation, microtasks(18)]),
      ...task(2000, 9, [{ name: 'ParseHTML' }, microtasks(1)]),
      ...task(4000, 7, [{ name: 'EvaluateScript', args: { data: { url: '' } } }, microtasks(1)]),
      ...task(6000, 5, [{ name: 'Layout' }]),
      {
        name: 'ThreadControllerImpl::RunTask',
        ph: 'X',
        pid: 1,
        tid: 2,
        ts: 8000,
        dur: 10,
        tdur: 9000,
      },
      { name: 'RunMicrotasks', ph: 'X', pid: 1, tid: 2, ts: 8001, dur: 1, tdur: 1000 },
    ];
    expect(contentScriptCpu(events, PREFIX)).toEqual({ totalMs: 30, passMs: 18, idleMs: 0 });
  });

  it("takes others' calls out of a later task that runs microtasks (the reply in its IPC task)", () => {
    const call = (url: string, tdurMs: number): Inner => ({
      name: 'FunctionCall',
      tdur: tdurMs * 1000,
      args: { data: { url } },
    });
    const events = [
      ...task(0, 30, [evaluation, microtasks(18)]),
      ...task(9000, 5, [microtasks(4), call('', 0.5)]),
    ];
    expect(contentScriptCpu(events, PREFIX)).toEqual({ totalMs: 34.5, passMs: 22.5, idleMs: 0 });
  });

  it('counts the idle-callback tasks that run the bundle apart (the texts, sent when idle)', () => {
    const call = (url: string): Inner => ({ name: 'FunctionCall', args: { data: { url } } });
    const events = [
      ...task(0, 30, [evaluation, microtasks(18)]),
      ...task(9000, 6, [{ name: 'FireIdleCallback' }, call(PREFIX), microtasks(1)]),
      // The page's own idle callback.
      ...task(12000, 2, [{ name: 'FireIdleCallback' }, call('https://huggingface.co/x.js')]),
    ];
    expect(contentScriptCpu(events, PREFIX)).toEqual({ totalMs: 30, passMs: 18, idleMs: 6 });
  });

  it('fails loudly when the content script never ran', () => {
    expect(() => contentScriptCpu(task(0, 5, [microtasks(1)]), PREFIX)).toThrow(/no evaluation/);
  });
});
