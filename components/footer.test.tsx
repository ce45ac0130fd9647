// @vitest-environment happy-dom
import { cleanup, fireEvent, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { makePaper } from '../lib/popup/fake-popup-api';
import { listedTitles, renderPopup } from './testing/render-popup';

afterEach(cleanup);

const papers = [makePaper('2509.00001', { title: 'Kept paper' })];

function chooseFile(contents: string, name = 'backup.json') {
  const input = screen.getByLabelText('Import backup file');
  const file = new File([contents], name, { type: 'application/json' });
  Object.defineProperty(input, 'files', { value: [file], configurable: true });
  fireEvent.change(input);
}

describe('export and import', () => {
  it('downloads the library as a JSON file', async () => {
    const createObjectURL = vi.spyOn(URL, 'createObjectURL').mockReturnValue('blob:backup');
    vi.spyOn(URL, 'revokeObjectURL').mockReturnValue(undefined);
    const clicked: HTMLAnchorElement[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
      this: HTMLAnchorElement,
    ) {
      clicked.push(this);
    });
    renderPopup({ papers });
    fireEvent.click(await screen.findByRole('button', { name: 'Export' }));

    expect(await screen.findByText('Exported 1 paper')).toBeTruthy();
    expect(clicked[0]?.download).toBe('papers-radar-backup-2025-10-01.json');
    expect(clicked[0]?.getAttribute('href')).toBe('blob:backup');
    const blob = createObjectURL.mock.calls[0]?.[0] as Blob;
    const backup = JSON.parse(await blob.text()) as { format: string; papers: unknown[] };
    expect(backup.format).toBe('papers-radar-backup');
    expect(backup.papers).toHaveLength(1);
  });

  it('imports a backup, says how many papers, and lists them', async () => {
    renderPopup({ papers });
    await screen.findByRole('link', { name: 'Kept paper' });
    const imported = [makePaper('2509.00002', { title: 'From backup' }), makePaper('2509.00003')];
    chooseFile(JSON.stringify({ format: 'papers-radar-backup', papers: imported }));

    expect(await screen.findByText('Imported 2 papers')).toBeTruthy();
    expect(await screen.findByRole('link', { name: 'From backup' })).toBeTruthy();
    expect(listedTitles()).toHaveLength(3);
    expect(await screen.findByText('3 papers')).toBeTruthy();
  });

  it("shows the background's refusal as it is", async () => {
    renderPopup({ papers });
    await screen.findByRole('link', { name: 'Kept paper' });
    chooseFile(JSON.stringify({ format: 'something-else' }));
    expect((await screen.findByRole('alert')).textContent).toBe('Not a Papers Radar backup');
  });

  it('says clearly when the file is not JSON, without asking the background', async () => {
    const { fake } = renderPopup({ papers });
    await screen.findByRole('link', { name: 'Kept paper' });
    chooseFile('<html>not json</html>', 'notes.html');
    expect((await screen.findByRole('alert')).textContent).toBe(
      '"notes.html" is not a JSON file. Choose a backup exported by Papers Radar.',
    );
    expect(fake.calls.some((call) => call.type === 'importLibrary')).toBe(false);
  });
});
