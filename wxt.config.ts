import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';

// See https://wxt.dev/api/config.html
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  hooks: {
    // The polyfill module points `wxt/browser` at webextension-polyfill in every build: 9.6 of the
    // content script's 32.8 kB were the polyfill, over its 30 kB budget (design.md). The content
    // script and the popup only query tabs, send messages and listen to them, which the native
    // promise-based APIs do (`browser` in Firefox, `chrome` in Chrome MV3): their builds keep
    // WXT's own `wxt/browser`, and the popup evaluates 10 kB less before it can ask for its first
    // page. The background keeps it.
    'vite:build:extendConfig': (entrypoints, config) => {
      const light = (type: string) =>
        type === 'content-script' || type === 'popup' || type === 'unlisted-script';
      if (!entrypoints.every((entrypoint) => light(entrypoint.type))) return;
      const alias = config.resolve?.alias;
      if (alias && !Array.isArray(alias)) delete (alias as Record<string, string>)['wxt/browser'];
    },
  },
  vite: () => ({ plugins: [preact()] }),
  manifest: {
    name: 'Papers Radar',
    description:
      'Gives the Hugging Face papers pages a memory: NEW badges, stars and hidden papers, stored locally.',
    permissions: ['storage'],
    host_permissions: ['*://huggingface.co/*'],
    // entrypoints/papers-page: an unlisted script declared here by hand, so that it starts without
    // WXT's ContentScriptContext (lib/content/lifetime.ts says why). Its imported CSS is emitted
    // as assets/papers-page.css; e2e/manifest.e2e.ts checks that both files exist in each build.
    content_scripts: [
      {
        matches: ['*://huggingface.co/papers*'],
        js: ['papers-page.js'],
        css: ['assets/papers-page.css'],
        run_at: 'document_idle',
      },
    ],
    // Nothing is recorded in private windows (design.md, Privacy).
    incognito: 'not_allowed',
    action: { default_title: 'Papers Radar' },
    content_security_policy: {
      extension_pages: "script-src 'self'; object-src 'self'",
    },
    browser_specific_settings: {
      gecko: { id: 'papers-radar@example.org' },
    },
  },
});
