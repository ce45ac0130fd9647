import type { ReadonlySignal } from '@preact/signals';
import type { Responses } from '../lib/messages/protocol';
import { isLayoutUnrecognised } from '../lib/popup/status';

export interface StatusBannerProps {
  status: ReadonlySignal<Responses['getStatus'] | null>;
}

/** What is wrong, if anything: storage failing, or the current tab's layout not recognised. */
export function StatusBanner({ status }: StatusBannerProps) {
  const current = status.value;
  if (!current) return null;
  const tab = current.tab;
  return (
    <>
      {current.storageError !== null && (
        <p class="banner banner-error" role="alert">
          {/* The background's messages already start with "Storage error:". */}
          {current.storageError.startsWith('Storage error:')
            ? current.storageError
            : `Storage error: ${current.storageError}`}
        </p>
      )}
      {isLayoutUnrecognised(tab) ? (
        <p class="banner banner-warn" role="status">
          This page's layout was not recognised, so Papers Radar left it untouched.
        </p>
      ) : (
        tab !== null &&
        tab.count > 0 && (
          <p class="banner banner-info">
            This page: {tab.count} {tab.count === 1 ? 'paper' : 'papers'}, {tab.newCount} new
          </p>
        )
      )}
    </>
  );
}
