// @vitest-environment happy-dom
import { cleanup, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { makePaper, NOW } from '../lib/popup/fake-popup-api';
import type { ListedPaper } from '../lib/messages/protocol';
import { PaperRow } from './paper-row';

afterEach(cleanup);

const ignore = () => undefined;
function renderRow(overrides: Partial<ListedPaper>, id = '2509.24002') {
  const paper = makePaper(id, overrides);
  return render(
    <ul>
      <PaperRow paper={paper} now={NOW} onToggleStar={ignore} onToggleHidden={ignore} />
    </ul>,
  );
}

describe('PaperRow', () => {
  it('renders page-derived markup as literal text', () => {
    const title = '<img src=x onerror=alert(1)> and <script>alert(2)</script>';
    const { container } = renderRow({
      title,
      authors: ['<b onmouseover=alert(3)>Eve</b>'],
      organization: '<iframe src=javascript:alert(4)>',
    });
    expect(screen.getByRole('link', { name: title }).textContent).toBe(title);
    expect(screen.getByText('<b onmouseover=alert(3)>Eve</b>')).toBeTruthy();
    expect(container.querySelector('img, script, iframe, b')).toBeNull();
  });

  it('shows the byline, upvotes and when it was first seen', () => {
    renderRow({
      authors: ['Ada', 'Bo', 'Cy', 'Di'],
      upvotes: 1234,
      firstSeenAt: NOW - 3 * 86_400_000,
    });
    expect(screen.getByText('Ada, Bo, Cy et al.')).toBeTruthy();
    expect(screen.getByTitle('1234 upvotes').textContent).toBe('▲ 1.2k upvotes');
    expect(screen.getByText('first seen 3 d ago')).toBeTruthy();
  });

  it('shows the organization when no author is known', () => {
    renderRow({ authors: [], organization: 'Hugging Face' });
    expect(screen.getByText('Hugging Face')).toBeTruthy();
  });

  it('highlights a new paper with a NEW pill, and only a new one', () => {
    renderRow({ state: 'new', title: 'Fresh' });
    expect(screen.getByText('NEW')).toBeTruthy();
    cleanup();
    renderRow({ state: 'seen', title: 'Stale' });
    expect(screen.queryByText('NEW')).toBeNull();
  });

  it('offers star and hide buttons that say their state', () => {
    renderRow({ starredAt: NOW, hiddenAt: NOW });
    expect(screen.getByRole('button', { name: 'Unstar' }).getAttribute('aria-pressed')).toBe(
      'true',
    );
    expect(screen.getByRole('button', { name: 'Unhide' })).toBeTruthy();
    cleanup();
    renderRow({});
    expect(screen.getByRole('button', { name: 'Star' }).getAttribute('aria-pressed')).toBe('false');
    expect(screen.getByRole('button', { name: 'Hide' })).toBeTruthy();
  });

  it('links code and project pages only over https', () => {
    renderRow({ githubRepo: 'https://github.com/a/b', projectPage: 'javascript:alert(1)' });
    expect(screen.getByRole('link', { name: 'Code' }).getAttribute('href')).toBe(
      'https://github.com/a/b',
    );
    expect(screen.queryByRole('link', { name: 'Project' })).toBeNull();
    cleanup();
    renderRow({ githubRepo: 'http://github.com/a/b', projectPage: 'https://example.org/p' });
    expect(screen.queryByRole('link', { name: 'Code' })).toBeNull();
    expect(screen.getByRole('link', { name: 'Project' }).getAttribute('rel')).toBe(
      'noopener noreferrer',
    );
  });

  it('links the title only for an arXiv id', () => {
    renderRow({ title: 'Odd id' }, '../../evil');
    expect(screen.queryByRole('link')).toBeNull();
    expect(screen.getByRole('heading', { name: 'Odd id' })).toBeTruthy();
  });
});
