import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { DAILY_IDS, fixturesDir, repoRoot } from '../lib/hf/test-fixtures';
import { main } from './parse';

const daily = path.join(fixturesDir, 'daily-2026-09-28.html');
const paper = path.join(fixturesDir, 'paper-2509.24002.html');
const trending = path.join(fixturesDir, 'trending-card-fragment-2026-10.html');

async function run(argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (t) => out.push(t), err: (t) => err.push(t) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('main', () => {
  test('the daily page, URL from its og:url', async () => {
    const { code, out } = await run([daily]);
    expect(code).toBe(0);
    const parsed = JSON.parse(out);
    expect(Object.keys(parsed)).toEqual(['kind', 'source', 'papers', 'skipped', 'warnings']);
    expect(parsed).toMatchObject({ kind: 'daily', source: 'json', skipped: 0 });
    expect(parsed.papers.map((p: { id: string }) => p.id)).toEqual(DAILY_IDS);
  });

  test('the paper page, URL from its og:url', async () => {
    const parsed = JSON.parse((await run([paper])).out);
    expect(parsed.kind).toBe('paper');
    expect(parsed.papers[0].id).toBe('2509.24002');
  });

  test('--url says which page it is', async () => {
    const { out } = await run([trending, '--url', 'https://huggingface.co/papers/trending']);
    expect(JSON.parse(out)).toMatchObject({ kind: 'trending', source: 'dom' });
    // Without it the fragment (no og:url) is taken for the daily list.
    expect(JSON.parse((await run([trending])).out).kind).toBe('daily');
  });

  test.each([
    [[], 'give exactly one saved page'],
    [[daily, paper], 'give exactly one saved page'],
    [[daily, '--url'], '--url needs a URL'],
    [[daily, '--url', 'not a url'], '--url needs a URL'],
    [[daily, '--verbose'], 'unknown option --verbose'],
    [['/no/such/page.html'], 'cannot read /no/such/page.html'],
  ])('bad arguments %j: exit code 2', async (argv, message) => {
    const { code, out, err } = await run(argv);
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(err).toContain(message);
    expect(err).toContain('usage: npm run parse');
  });
});

test('the command line, as `npm run parse` runs it', { timeout: 30_000 }, () => {
  const tsx = path.join(repoRoot, 'node_modules/.bin/tsx');
  const ok = spawnSync(tsx, ['scripts/parse.ts', paper], { cwd: repoRoot, encoding: 'utf8' });
  expect(ok.status).toBe(0);
  expect(JSON.parse(ok.stdout).papers[0].title).toBe(
    'MCPMark: A Benchmark for Stress-Testing Realistic and Comprehensive MCP Use',
  );
  const missing = spawnSync(tsx, ['scripts/parse.ts', 'missing.html'], {
    cwd: repoRoot,
    encoding: 'utf8',
  });
  expect(missing.status).toBe(2);
  expect(missing.stderr).toContain('cannot read missing.html');
});
