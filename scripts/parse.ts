/**
 * `npm run parse -- <saved-page.html> [--url <page url>]`: runs the extension's own page parser
 * (lib/hf/parse-page.ts) on a saved page and prints what it recognised as JSON.
 */
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { Window } from 'happy-dom';
import { parsePage, type ParsedPage } from '../lib/hf/parse-page';
import { canonicalLink, ogUrl } from '../lib/hf/selectors';

const USAGE = 'usage: npm run parse -- <saved-page.html> [--url <page url>]';
const DEFAULT_URL = 'https://huggingface.co/papers';

export interface Io {
  out(text: string): void;
  err(text: string): void;
}

/** Exit code 0 on success, 2 on bad arguments or an unreadable file. */
export async function main(argv: string[], io: Io = defaultIo): Promise<number> {
  const args = readArgs(argv);
  if ('error' in args) {
    io.err(`${args.error}\n${USAGE}`);
    return 2;
  }
  let html: string;
  try {
    html = readFileSync(args.file, 'utf8');
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    io.err(`cannot read ${args.file}: ${reason}\n${USAGE}`);
    return 2;
  }
  io.out(JSON.stringify(await parseHtml(html, args.url), null, 2));
  return 0;
}

/** Parses saved HTML the way the content script parses the live page; scripts never run. */
export async function parseHtml(html: string, url?: URL): Promise<ParsedPage> {
  // Saved pages reference iframes and stylesheets that happy-dom refuses to load, and says so on
  // its console: not ours to print.
  const silent = new Proxy(console, { get: () => () => undefined });
  const window = new Window({ console: silent, url: DEFAULT_URL });
  try {
    const doc = new window.DOMParser().parseFromString(html, 'text/html');
    // happy-dom's classes are not lib.dom's types, but the same DOM API.
    const root = doc as unknown as Document;
    return parsePage(root, url ?? urlOfPage(root));
  } finally {
    await window.happyDOM.close();
  }
}

/** The URL a saved page says it is, else the daily list. */
export function urlOfPage(root: ParentNode): URL {
  const candidates = [
    root.querySelector(ogUrl)?.getAttribute('content'),
    root.querySelector(canonicalLink)?.getAttribute('href'),
  ];
  for (const candidate of candidates) {
    if (candidate && URL.canParse(candidate)) return new URL(candidate);
  }
  return new URL(DEFAULT_URL);
}

function readArgs(argv: string[]): { file: string; url?: URL } | { error: string } {
  const files: string[] = [];
  let url: URL | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (arg === '--url') {
      const value = argv[++i];
      if (!value || !URL.canParse(value)) return { error: `--url needs a URL, got ${value ?? ''}` };
      url = new URL(value);
    } else if (arg.startsWith('-')) {
      return { error: `unknown option ${arg}` };
    } else {
      files.push(arg);
    }
  }
  if (files.length !== 1 || !files[0]) return { error: 'give exactly one saved page' };
  return { file: files[0], url };
}

const defaultIo: Io = {
  out: (text) => process.stdout.write(`${text}\n`),
  err: (text) => process.stderr.write(`${text}\n`),
};

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main(process.argv.slice(2)).then((code) => (process.exitCode = code));
}
