import { render, screen } from '@testing-library/preact';
import { createFakePopupApi, type FakeOptions } from '../../lib/popup/fake-popup-api';
import { createPopupModel } from '../../lib/popup/model';
import { App } from '../app';

type Fake = ReturnType<typeof createFakePopupApi>;

/**
 * Renders the whole popup over a fake background, opened on tab 7, and starts loading;
 * `before` prepares the fake (a failure to come) before the first request.
 */
export function renderPopup(options: FakeOptions = {}, before?: (fake: Fake) => void) {
  const fake = createFakePopupApi(options);
  before?.(fake);
  const model = createPopupModel(fake.api, 7);
  const result = render(<App model={model} />);
  const loaded = model.load();
  return { ...result, fake, model, loaded };
}

/** The titles of the listed papers, in order, as the reader sees them. */
export function listedTitles(): string[] {
  const list = screen.queryByRole('list');
  if (!list) return [];
  // Headings by tag: role queries over hundreds of rows are slow in happy-dom.
  return [...list.querySelectorAll('h2')].map((title) => title.textContent.replace(/^NEW/, ''));
}

/** The list item (row) holding the paper titled `title`. */
export function rowOf(title: string): HTMLElement {
  const row = screen.getByRole('link', { name: title }).closest('li');
  if (!row) throw new Error(`No row for ${title}`);
  return row;
}
