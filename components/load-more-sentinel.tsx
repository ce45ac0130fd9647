import { useEffect, useRef } from 'preact/hooks';

/**
 * An invisible marker under the list that asks for the next page when it scrolls into view. The
 * "Show more" button beside it does the same for keyboards and where IntersectionObserver is missing.
 */
export function LoadMoreSentinel({ onVisible }: { onVisible: () => void }) {
  const marker = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const element = marker.current;
    if (!element || typeof IntersectionObserver === 'undefined') return;
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((entry) => entry.isIntersecting)) onVisible();
      },
      // Start loading a little before the end is reached.
      { rootMargin: '0px 0px 200px 0px' },
    );
    observer.observe(element);
    return () => observer.disconnect();
  }, [onVisible]);
  return <div ref={marker} class="load-more-sentinel" aria-hidden="true" />;
}
