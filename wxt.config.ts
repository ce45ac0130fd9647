import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';

// See https://wxt.dev/api/config.html
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  vite: () => ({ plugins: [preact()] }),
  manifest: {
    name: 'Papers Radar',
    description:
      'Gives the Hugging Face papers pages a memory: NEW badges, stars and hidden papers, stored locally.',
    permissions: ['storage'],
    host_permissions: ['*://huggingface.co/*'],
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
