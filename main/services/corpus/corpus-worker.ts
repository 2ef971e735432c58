/**
 * Entry point of a corpus worker thread (built as its own file, `corpus-worker.js`, beside main's
 * entry points): lists and searches batches of articles for the corpus service.
 */
import { parentPort } from 'node:worker_threads';
import { createCorpusTaskRunner, type CorpusTask } from './corpus-tasks';
import { answerTasks } from './worker-pool';

if (parentPort) answerTasks<CorpusTask, unknown>(parentPort, createCorpusTaskRunner());
