import { HostFailure } from '../../shared/contract/host-result';
import { createCorpusService, type CorpusService } from '../services/corpus/corpus-service';
import { searchMentions } from '../services/corpus/mention-search';
import { createExportService, type ExportService } from '../services/exports/export-service';
import { pathsToRead } from '../../shared/export/export-selection';
import type { ArticleSummary, CorpusListing } from '../../shared/model/article';
import { createDispatch, type Dispatch } from './dispatch';
import { createEventHub, type EventHub } from './event-hub';
import type { HostHandlers } from './host-handlers';
import type { Logger } from './logger';

export interface HostOptions {
  mode: 'electron' | 'browser';
  name: string;
  version: string;
  platform: string;
  log: Logger;
  /** The folders the user chose (command line, dialog, or typed in browser mode). */
  mayOpen: (root: string) => boolean;
  /** Where corpus listings are cached between runs. */
  cacheDir?: string;
  /** The built corpus worker (`corpus-worker.js`): listing and searching then use every core. */
  corpusWorkerScript?: string;
  /** A native folder dialog; absent in browser mode. */
  pickFolder?: () => Promise<string | null>;
  /** Browser mode: the folder exports are written to. */
  exportsDir?: string;
  /** Electron: a native dialog choosing the folder to export to. */
  pickExportFolder?: () => Promise<string | null>;
  /** The built export thread (`export-thread.js`): exports are then built on every core. */
  exportThreadScript?: string;
}

export interface Host {
  dispatch: Dispatch;
  events: EventHub;
  corpus: CorpusService;
  exports: ExportService;
  dispose(): Promise<void>;
}

/**
 * The composition root shared by both shells: builds the host services and the one handler per
 * contract request that both bridges reach through `dispatch`.
 */
export function composeHost(options: HostOptions): Host {
  const events = createEventHub();
  const corpus = createCorpusService({
    log: options.log,
    mayOpen: options.mayOpen,
    ...(options.cacheDir ? { cacheDir: options.cacheDir } : {}),
    ...(options.corpusWorkerScript ? { workerScript: options.corpusWorkerScript } : {}),
    onChange: (change) => events.emit('corpus.changed', change),
  });
  const exportService = createExportService({
    log: options.log,
    ...(options.exportsDir ? { fixedFolder: options.exportsDir } : {}),
    ...(options.pickExportFolder ? { pickFolder: options.pickExportFolder } : {}),
    ...(options.exportThreadScript ? { threadScript: options.exportThreadScript } : {}),
  });
  /** Running mention searches by the renderer's search id, so `corpus.cancelSearch` can stop one. */
  const searches = new Map<string, AbortController>();
  const handlers: HostHandlers = {
    'app.info': async () => ({ name: options.name, version: options.version, mode: options.mode, platform: options.platform }),
    'corpus.open': ({ root }) => corpus.open(root),
    'corpus.list': () => corpus.list(),
    'corpus.read': ({ path }) => corpus.read(path),
    'corpus.findMentions': async ({ searchId, terms, includeBoilerplate }) => {
      if (searches.has(searchId)) throw new HostFailure('invalid-input', `A search with id "${searchId}" is already running`);
      const context = corpus.searchContext();
      const controller = new AbortController();
      searches.set(searchId, controller);
      try {
        const totals = await searchMentions(context, { terms, includeBoilerplate }, (hits) => events.emit('corpus.mentionsFound', { searchId, hits }), controller.signal);
        return { searchId, ...totals, cancelled: controller.signal.aborted };
      } finally {
        searches.delete(searchId);
      }
    },
    'corpus.cancelSearch': async ({ searchId }) => {
      const search = searches.get(searchId);
      search?.abort();
      return { cancelled: search !== undefined };
    },
    'dialog.pickFolder': async () => {
      if (!options.pickFolder) throw new HostFailure('unsupported', 'There is no native folder dialog in browser mode: type the folder path instead');
      return { root: await options.pickFolder() };
    },
    'exports.info': async () => exportService.info(),
    'exports.pickFolder': async () => ({ folder: await exportService.pickFolder() }),
    'exports.stage': async ({ parts }) => ({ received: parts.map((part) => exportService.stage(part.uploadId, part.index, part.count, part.chunk)).length }),
    'exports.discard': async ({ uploadIds }) => ({ discarded: exportService.discard(uploadIds) }),
    'exports.prepare': async ({ uploadId }) => {
      // The texts of the whole open folder are read ahead with the rows (an export of the whole project reads them all).
      const listing = await corpus.list();
      return exportService.prepare(uploadId, listing ? { texts: { root: listing.root, articles: readableArticles(listing) }, projectName: listing.name } : undefined);
    },
    'exports.build': async ({ exportId, preparedId, scope, formats, baseName, csvBom, folder, overwrite }) => {
      // The export threads read the texts themselves: of the articles of main's own listing that the scope covers.
      const listing = await corpus.list();
      if (!listing) throw new HostFailure('no-corpus', 'No corpus folder is open');
      const readable = new Map(readableArticles(listing).map((summary) => [summary.path, summary]));
      const articles = pathsToRead([...readable.keys()], scope).flatMap((path) => readable.get(path) ?? []);
      const built = await exportService.build(
        { preparedId, projectName: listing.name, texts: { root: listing.root, articles }, scope, formats, options: { baseName, csvBom }, folder, overwrite },
        ({ format, folder: written, written: files }) => events.emit('exports.formatWritten', { exportId, format, folder: written, written: files }),
      );
      return { formats: built.formats.map(({ format, folder: written, written: files }) => ({ format, folder: written, written: files })), missing: built.missing, threads: built.threads };
    },
    'exports.readWritten': async ({ path }) => ({ text: await exportService.readWritten(path) }),
  };
  return {
    dispatch: createDispatch(handlers, options.log),
    events,
    corpus,
    exports: exportService,
    dispose: () => {
      for (const search of searches.values()) search.abort();
      return Promise.all([corpus.close(), exportService.close()]).then(() => undefined);
    },
  };
}

/** The articles of `listing` that can be read, in its order. */
function readableArticles(listing: CorpusListing): ArticleSummary[] {
  return listing.articles.filter((summary) => summary.readable);
}
