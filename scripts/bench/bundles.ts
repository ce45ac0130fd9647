/** (5) Bytes of every file of the built extension (minified by the WXT build) and their gzip size. */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';

export interface BundleSize {
  file: string;
  bytes: number;
  gzip: number;
}

export function bundleSizes(dir: string): BundleSize[] {
  const out: BundleSize[] = [];
  const walk = (at: string) => {
    for (const name of readdirSync(at)) {
      const path = join(at, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (/\.(js|css|html)$/.test(name)) {
        const buf = readFileSync(path);
        out.push({ file: relative(dir, path), bytes: buf.length, gzip: gzipSync(buf).length });
      }
    }
  };
  walk(dir);
  return out;
}
