/**
 * Builds the extension once before the end-to-end run (`npx wxt build` → .output/chrome-mv3), so
 * the tests always drive the current code. E2E_SKIP_BUILD=1 reuses an existing build.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { CHROMIUM_PATH, EXTENSION_DIR, REPO_ROOT } from './support/paths';

export default function setup(): void {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(`No Chromium at ${CHROMIUM_PATH}: apt-get install -y chromium (toolchain.md)`);
  }
  const manifest = join(EXTENSION_DIR, 'manifest.json');
  if (process.env.E2E_SKIP_BUILD === '1' && existsSync(manifest)) return;
  execFileSync('npx', ['wxt', 'build'], { cwd: REPO_ROOT, stdio: 'inherit' });
  if (!existsSync(manifest)) throw new Error(`wxt build did not produce ${manifest}`);
}
