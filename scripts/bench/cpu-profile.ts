/**
 * Main-thread time of the content script from a V8 CPU profile of its tab (CDP `Profiler`):
 * the time of every sample whose stack holds a frame of the extension's content script, so it
 * includes the DOM and style work its calls cause synchronously.
 *
 * Why not only CDP ScriptDuration: it is not counted for promise continuations. Checked in this
 * Chromium (an extension page, 200 ms of busy JavaScript): a setTimeout callback or an extension
 * API callback counts 200 ms, the same work in a `.then` after an extension API call counts
 * ~1 ms. The content script parses and decorates in promise continuations (lib/content/radar.ts
 * `schedule`, and after `await` of the report), so ScriptDuration misses most of its work.
 */
import type { CDPSession } from 'playwright-core';

/** Sampling interval in µs: 5 samples per ms; the profiler's own overhead stays small. */
export const SAMPLING_INTERVAL_US = 200;

interface ProfileNode {
  id: number;
  callFrame: { url: string; functionName: string };
  children?: number[];
}

interface Profile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples?: number[];
  timeDeltas?: number[];
}

export async function startProfiler(session: CDPSession): Promise<void> {
  await session.send('Profiler.enable');
  await session.send('Profiler.setSamplingInterval', { interval: SAMPLING_INTERVAL_US });
  await session.send('Profiler.start');
}

export interface ProfileFigures {
  /** Samples with a frame whose URL starts with the prefix. */
  contentScriptMs: number;
  /** The garbage collector's samples, whoever allocated (not in contentScriptMs). */
  gcMs: number;
  /**
   * The longest time between two samples. A loaded machine can starve the sampling thread; a
   * gap is then counted for the sample before it, so a gap of many ms makes the figure doubtful.
   */
  maxSampleGapMs: number;
}

export async function stopProfiler(
  session: CDPSession,
  urlPrefix: string,
): Promise<ProfileFigures> {
  const { profile } = (await session.send('Profiler.stop')) as { profile: Profile };
  await session.send('Profiler.disable');
  return {
    contentScriptMs: msWhere(profile, (frame) => frame.url.startsWith(urlPrefix)),
    gcMs: msWhere(profile, (frame) => frame.functionName === '(garbage collector)'),
    maxSampleGapMs: Math.max(0, ...(profile.timeDeltas ?? []).slice(1)) / 1000,
  };
}

/** ms of the samples whose stack holds a frame for which `match` is true. */
export function msWhere(
  profile: Profile,
  match: (frame: ProfileNode['callFrame']) => boolean,
): number {
  const parent = new Map<number, number>();
  for (const node of profile.nodes)
    for (const child of node.children ?? []) parent.set(child, node.id);
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const memo = new Map<number, boolean>();
  const inside = (id: number): boolean => {
    const known = memo.get(id);
    if (known !== undefined) return known;
    const up = parent.get(id);
    const value =
      (byId.has(id) && match((byId.get(id) as ProfileNode).callFrame)) ||
      (up !== undefined && inside(up));
    memo.set(id, value);
    return value;
  };
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  let at = profile.startTime;
  let us = 0;
  // A sample lasts until the next one (the last one until the profile's end), as DevTools counts.
  for (let i = 0; i < samples.length; i++) {
    at += deltas[i] ?? 0;
    const next = i + 1 < samples.length ? at + (deltas[i + 1] ?? 0) : profile.endTime;
    if (inside(samples[i] as number)) us += Math.max(0, next - at);
  }
  return us / 1000;
}
