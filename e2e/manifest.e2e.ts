/**
 * The built manifests ask for the minimum (design.md, "Privacy and permissions"): storage, host
 * access to huggingface.co only, no private windows, a strict CSP. Any extra permission fails.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_SCRIPT } from './support/paths';

interface Manifest {
  manifest_version: number;
  permissions?: string[];
  host_permissions?: string[];
  optional_permissions?: string[];
  incognito?: string;
  content_security_policy?: string | { extension_pages?: string };
  content_scripts?: { matches: string[]; js?: string[]; css?: string[] }[];
  externally_connectable?: unknown;
  web_accessible_resources?: unknown;
}

const read = (dir: string): Manifest =>
  JSON.parse(readFileSync(`.output/${dir}/manifest.json`, 'utf8')) as Manifest;

beforeAll(() => {
  if (!existsSync('.output/firefox-mv2/manifest.json')) {
    execFileSync('npx', ['wxt', 'build', '-b', 'firefox'], { stdio: 'ignore' });
  }
});

describe('built manifests', () => {
  it('Chrome MV3 asks only for storage and huggingface.co', () => {
    const manifest = read('chrome-mv3');
    expect(manifest.manifest_version).toBe(3);
    expect(manifest.permissions).toEqual(['storage']);
    expect(manifest.host_permissions).toEqual(['*://huggingface.co/*']);
    expect(manifest.optional_permissions).toBeUndefined();
    expect(manifest.content_scripts?.map((c) => c.matches)).toEqual([
      ['*://huggingface.co/papers*'],
    ]);
  });

  it('Chrome MV3 records nothing in private windows and lets no page talk to it', () => {
    const manifest = read('chrome-mv3');
    expect(manifest.incognito).toBe('not_allowed');
    expect(manifest.externally_connectable).toBeUndefined();
    expect(manifest.web_accessible_resources).toBeUndefined();
    expect(manifest.content_security_policy).toEqual({
      extension_pages: "script-src 'self'; object-src 'self'",
    });
  });

  it('Firefox asks for the same and nothing more', () => {
    const manifest = read('firefox-mv2');
    const asked = [...(manifest.permissions ?? []), ...(manifest.host_permissions ?? [])].sort();
    expect(asked).toEqual(['*://huggingface.co/*', 'storage']);
    expect(manifest.incognito).toBe('not_allowed');
  });
});

/** A message only webextension-polyfill's code holds. */
const POLYFILL = 'should only be loaded in a browser extension';
/** A name of valibot's global config: the schemas are the background's alone. */
const VALIBOT = 'abortPipeEarly';

describe('built content scripts', () => {
  // Declared by hand in wxt.config.ts (an unlisted script, its CSS emitted by Vite): a renamed
  // entrypoint or asset would leave the manifest naming files the build does not have.
  it.each(['chrome-mv3', 'firefox-mv2'])('%s: the manifest names files the build has', (dir) => {
    const scripts = read(dir).content_scripts ?? [];
    const files = scripts.flatMap((c) => [...(c.js ?? []), ...(c.css ?? [])]);
    expect(files).toEqual([CONTENT_SCRIPT, 'assets/papers-page.css']);
    for (const file of files) expect(existsSync(`.output/${dir}/${file}`), file).toBe(true);
  });

  // design.md budgets the content script at 30 kB minified. The polyfill (~10 kB) stays in the
  // background build only (wxt.config.ts).
  it.each(['chrome-mv3', 'firefox-mv2'])(
    '%s: within 30 kB, without webextension-polyfill or valibot',
    (dir) => {
      const bundle = readFileSync(`.output/${dir}/${CONTENT_SCRIPT}`, 'utf8');
      expect(Buffer.byteLength(bundle)).toBeLessThanOrEqual(30_000);
      expect(bundle).not.toContain(POLYFILL);
      expect(bundle).not.toContain(VALIBOT);
      expect(readFileSync(`.output/${dir}/popup-early.js`, 'utf8')).not.toContain(VALIBOT);
      expect(readFileSync(`.output/${dir}/background.js`, 'utf8')).toContain(VALIBOT);
      expect(readFileSync(`.output/${dir}/background.js`, 'utf8')).toContain(POLYFILL);
    },
  );
});

describe('built popup', () => {
  // The popup asks for its first page once its script is evaluated: 10 kB less of it without the
  // polyfill (wxt.config.ts).
  it.each(['chrome-mv3', 'firefox-mv2'])('%s: without webextension-polyfill or valibot', (dir) => {
    const chunks = readdirSync(`.output/${dir}/chunks`).filter((f) => f.startsWith('popup-'));
    expect(chunks).toHaveLength(1);
    const popup = readFileSync(`.output/${dir}/chunks/${chunks[0]}`, 'utf8');
    expect(popup).not.toContain(POLYFILL);
    expect(popup).not.toContain(VALIBOT);
  });
});
