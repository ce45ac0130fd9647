import type { ListedPaper } from '../lib/messages/protocol';
import { formatByline } from '../lib/format/authors';
import { formatCompactNumber } from '../lib/format/compact-number';
import { formatRelativeTime } from '../lib/format/relative-time';
import { httpsUrl, paperUrl } from '../lib/popup/links';

export interface PaperRowProps {
  paper: ListedPaper;
  /** Epoch ms the relative times are measured from. */
  now: number;
  onToggleStar: (id: string) => void;
  onToggleHidden: (id: string) => void;
}

/**
 * One paper. Every string from the page (title, names, URLs) goes in as JSX text or a checked
 * attribute, never as HTML; the title links to the paper's page built from its id alone.
 */
export function PaperRow({ paper, now, onToggleStar, onToggleHidden }: PaperRowProps) {
  const isNew = paper.state === 'new';
  const starred = paper.starredAt !== undefined;
  const hidden = paper.hiddenAt !== undefined;
  const href = paperUrl(paper.id);
  const titleId = `paper-title-${paper.id}`;
  const byline = formatByline(paper.authors, paper.organization);
  const code = httpsUrl(paper.githubRepo);
  const project = httpsUrl(paper.projectPage);
  const classes = ['paper-row', isNew && 'is-new', starred && 'is-starred', hidden && 'is-hidden'];

  return (
    <li class={classes.filter(Boolean).join(' ')}>
      <div class="paper-body">
        <h2 class="paper-title" id={titleId}>
          {isNew && <span class="pill-new">NEW</span>}
          {href ? (
            <a href={href} target="_blank" rel="noopener noreferrer">
              {paper.title}
            </a>
          ) : (
            paper.title
          )}
        </h2>
        {byline && <p class="paper-byline">{byline}</p>}
        <p class="paper-meta">
          {paper.upvotes !== undefined && (
            <span class="paper-upvotes" title={`${paper.upvotes} upvotes`}>
              <span aria-hidden="true">▲ </span>
              {formatCompactNumber(paper.upvotes)}
              <span class="visually-hidden"> upvotes</span>
            </span>
          )}
          <time dateTime={new Date(paper.firstSeenAt).toISOString()}>
            first seen {formatRelativeTime(paper.firstSeenAt, now)}
          </time>
          {code && (
            <a href={code} target="_blank" rel="noopener noreferrer">
              Code
            </a>
          )}
          {project && (
            <a href={project} target="_blank" rel="noopener noreferrer">
              Project
            </a>
          )}
        </p>
      </div>
      <div class="paper-actions">
        <button
          type="button"
          class="star-button"
          aria-pressed={starred}
          aria-label={starred ? 'Unstar' : 'Star'}
          aria-describedby={titleId}
          onClick={() => onToggleStar(paper.id)}
        >
          <span aria-hidden="true">{starred ? '★' : '☆'}</span>
        </button>
        <button
          type="button"
          class="hide-button"
          aria-describedby={titleId}
          onClick={() => onToggleHidden(paper.id)}
        >
          {hidden ? 'Unhide' : 'Hide'}
        </button>
      </div>
    </li>
  );
}
