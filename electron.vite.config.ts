import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';
import { resolve } from 'node:path';

export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      rollupOptions: {
        input: {
          index: resolve('main/electron/main.ts'),
          serve: resolve('main/browser-mode/serve.ts'),
          // Its own file, so the corpus service can start it in worker threads.
          'corpus-worker': resolve('main/services/corpus/corpus-worker.ts'),
          'export-thread': resolve('main/services/exports/export-thread.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      // Electron cannot load an ES-module preload in a sandboxed renderer: emit CommonJS.
      rollupOptions: {
        input: { index: resolve('main/preload/preload.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: 'renderer',
    base: './',
    build: {
      outDir: 'out/renderer',
      // A smaller bundle parses faster: the library of 10,000 articles must render within 1.5 s.
      minify: process.env.WORKBENCH_NO_MINIFY ? false : true,
      sourcemap: Boolean(process.env.WORKBENCH_SOURCEMAP),
      rollupOptions: { input: resolve('renderer/index.html') },
    },
    plugins: [react()],
  },
});
