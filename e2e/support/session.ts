/**
 * The common frame of a browser test: one replay server per file, one fresh browser (fresh
 * profile) per test, closed afterwards whatever happens.
 */
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import { launchExtension, type ExtensionBrowser } from './browser';
import { startReplayServer, type ReplayServer } from './replay-server';

export interface E2E {
  readonly server: ReplayServer;
  readonly ext: ExtensionBrowser;
}

/** Registers the hooks; read `server` and `ext` inside tests. */
export function useExtension(): E2E {
  let server: ReplayServer | undefined;
  let ext: ExtensionBrowser | undefined;
  beforeAll(async () => {
    server = await startReplayServer();
  });
  afterAll(async () => {
    await server?.close();
  });
  beforeEach(async () => {
    ext = await launchExtension({ port: (server as ReplayServer).port });
  });
  afterEach(async () => {
    await ext?.close();
    ext = undefined;
  });
  return {
    get server() {
      if (!server) throw new Error('No replay server: useExtension() hooks did not run');
      return server;
    },
    get ext() {
      if (!ext) throw new Error('No browser: useExtension() hooks did not run');
      return ext;
    },
  };
}

export { screenshotPath } from './paths';
