import type { ReadonlySignal } from '@preact/signals';
import { useRef } from 'preact/hooks';
import type { Responses } from '../lib/messages/protocol';

export interface FooterProps {
  counts: ReadonlySignal<Responses['getStatus']['counts'] | null>;
  onExport: () => void;
  onImport: (file: File) => void;
}

/** Library size, and export to / import from a JSON backup. */
export function Footer({ counts, onExport, onImport }: FooterProps) {
  const fileInput = useRef<HTMLInputElement>(null);
  const current = counts.value;

  return (
    <footer class="popup-footer">
      <span class="library-count">
        {current && `${current.all.toLocaleString('en')} ${current.all === 1 ? 'paper' : 'papers'}`}
        {current && current.hidden > 0 && ` · ${current.hidden.toLocaleString('en')} hidden`}
      </span>
      <span class="footer-actions">
        <button type="button" onClick={onExport}>
          Export
        </button>
        <button type="button" onClick={() => fileInput.current?.click()}>
          Import…
        </button>
        <input
          ref={fileInput}
          type="file"
          accept="application/json,.json"
          aria-label="Import backup file"
          hidden
          onChange={(event) => {
            const input = event.currentTarget;
            const file = input.files?.[0];
            if (file) onImport(file);
            // Lets the same file be chosen again.
            input.value = '';
          }}
        />
      </span>
    </footer>
  );
}
