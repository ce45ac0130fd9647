import { defineWebExtConfig } from 'wxt';

// `wxt` dev mode would open a browser window; headless machines have no display.
export default defineWebExtConfig({ disabled: true });
