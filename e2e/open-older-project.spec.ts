import { DEFAULT_ENTITY_TYPES, DEFAULT_LEGEND } from '../renderer/src/db/workbench-db';
import { expect, test } from './support/fixtures';

const KAGAME = /^President Paul Kagame on Wednesday/;
const KAGAME_FILE = '000_f9a0009864046443.txt';
const CLAIM = 'M23 rebels captured Goma city on Sunday';
const PRESIDENT = 'President Paul Kagame';

/**
 * A project as the build before schema version 6 left it: one row per annotation in the
 * `annotations` table (IndexedDB version 50, Dexie's 5 × 10). Written with raw IndexedDB before
 * the app's own scripts run, so the app opens it and upgrades it as it would a user's.
 */
const olderProject = {
  legend: DEFAULT_LEGEND,
  entityTypes: DEFAULT_ENTITY_TYPES,
  article: { id: 'older-kagame', path: KAGAME_FILE, sha256: '', createdAt: 1, updatedAt: 1 },
  entity: { id: 'e-kagame', typeId: 'default-person', name: 'Paul Kagame', aliases: [], description: '', externalId: '', createdAt: 1, updatedAt: 1 },
  annotations: [
    {
      id: 'older-claim', articleId: 'older-kagame', kind: 'highlight', legendId: 'default-key-claim', comment: 'Confirmed by UN reports',
      target: { quote: { type: 'TextQuoteSelector', exact: CLAIM, prefix: 'ire" in eastern DR Congo, where ', suffix: ', escalating conflict that has b' }, position: { type: 'TextPositionSelector', start: 177, end: 216 } },
      anchor: { status: 'exact', start: 177, end: 216, confidence: 1 }, createdAt: 1, updatedAt: 1,
    },
    {
      id: 'older-president', articleId: 'older-kagame', kind: 'mention', entityId: 'e-kagame', comment: '',
      target: { quote: { type: 'TextQuoteSelector', exact: PRESIDENT, prefix: '', suffix: ' on Wednesday, January 29, said ' }, position: { type: 'TextPositionSelector', start: 0, end: 21 } },
      anchor: { status: 'exact', start: 0, end: 21, confidence: 1 }, createdAt: 1, updatedAt: 1,
    },
  ],
};

test('a project saved before annotations were packed opens with its highlights and mentions, and takes new ones', async ({ workbench, appPage }, testInfo) => {
  await workbench.waitForLibrary(3);
  // Runs before the app's scripts on the next load: IndexedDB handles the delete, this open and
  // then the app's own open in the order they were asked for, so the app finds version 5.
  await appPage.addInitScript((project) => {
    if (sessionStorage.getItem('older-project-written')) return;
    sessionStorage.setItem('older-project-written', 'yes');
    indexedDB.deleteDatabase('research-workbench');
    const open = indexedDB.open('research-workbench', 50);
    open.onupgradeneeded = () => {
      const db = open.result;
      const store = (name: string, keyPath: string, indexes: string[]) => {
        const created = db.createObjectStore(name, { keyPath });
        for (const index of indexes) created.createIndex(index, index);
        return created;
      };
      store('articles', 'id', ['path', 'sha256']).put(project.article);
      store('articleMeta', 'path', ['articleId']);
      const legend = store('legend', 'id', ['order']);
      for (const entry of project.legend) legend.put(entry);
      const types = store('entityTypes', 'id', ['order']);
      for (const type of project.entityTypes) types.put(type);
      store('entities', 'id', ['typeId', 'name']).put(project.entity);
      const annotations = store('annotations', 'id', ['articleId', 'kind', 'updatedAt', 'entityId']);
      for (const annotation of project.annotations) annotations.put(annotation);
      store('entityMentionCounts', 'id', []).put({ id: 'totals', totals: { 'e-kagame': 1 } });
    };
    open.onsuccess = () => open.result.close();
  }, olderProject);
  await appPage.reload();

  await workbench.waitForLibrary(3);
  await workbench.open(KAGAME);
  await expect.poll(() => workbench.paintedTexts(1)).toEqual([CLAIM, PRESIDENT]);
  await expect.poll(() => workbench.mentionTexts(1)).toEqual([PRESIDENT]);
  await expect(workbench.highlightList.getByRole('button')).toHaveCount(1);
  await expect(workbench.highlightList.getByRole('button').first()).toContainText(CLAIM);
  await workbench.screenshot('older-project-upgraded', testInfo);

  await workbench.highlight(1, 'escalating conflict', 'Evidence');
  await expect(workbench.highlightList.getByRole('button')).toHaveCount(2);
  await appPage.reload();
  await expect.poll(() => workbench.paintedTexts(1)).toEqual(['escalating conflict', CLAIM, PRESIDENT].sort());
  await expect(workbench.highlightList.getByRole('button')).toHaveCount(2);
});
