/**
 * Entry point of an export thread (built as its own file, `export-thread.js`, beside main's entry
 * points): keeps the project rows an export sends and builds and writes its share of the formats.
 */
import { parentPort } from 'node:worker_threads';
import { createExportBuilder, type BuilderRequest } from './export-builder';

if (parentPort) {
  const port = parentPort;
  const handle = createExportBuilder((reply) => port.postMessage(reply));
  port.on('message', (request: BuilderRequest) => void handle(request));
}
