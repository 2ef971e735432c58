import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

const nodeBuiltins = ['node:*', 'fs', 'path', 'os', 'crypto', 'http', 'child_process', 'url', 'util', 'stream', 'fs/promises'];

/** Layer rules: which folder may import what. `shared/` runs anywhere; the renderer is a browser. */
export const layerRules = [
  {
    files: ['shared/**/*.ts'],
    ignores: ['shared/**/*.test.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: ['electron', 'react', 'react-dom', 'dexie', 'dexie-react-hooks', 'lexical'].map((name) => ({ name, message: 'shared/ runs anywhere: no Electron, React, Dexie or Lexical.' })),
        patterns: [
          { group: ['**/main/**', '**/renderer/**'], message: 'shared/ must not import main/ or renderer/.' },
          { group: ['@lexical/*', 'react/*', 'react-dom/*', 'electron/*', 'dexie/*'], message: 'shared/ runs anywhere: no Electron, React, Dexie or Lexical.' },
          { group: nodeBuiltins, message: 'shared/ runs anywhere: no Node built-ins.' },
        ],
      }],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    ignores: ['renderer/**/*.test.{ts,tsx}'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [{ name: 'electron', message: 'The renderer is a sandboxed page: no Electron.' }],
        patterns: [
          { group: ['**/main/**'], message: 'The renderer talks to main only through the host contract.' },
          { group: ['electron/*'], message: 'The renderer is a sandboxed page: no Electron.' },
          { group: nodeBuiltins, message: 'The renderer knows nothing of Node.' },
        ],
      }],
    },
  },
  {
    files: ['main/host/**/*.ts', 'main/services/**/*.ts', 'main/browser-mode/**/*.ts', 'main/security/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [{ name: 'electron', message: 'Host services run in browser mode too: import no electron.' }],
        patterns: [
          { group: ['electron/*'], message: 'Host services run in browser mode too: import no electron.' },
          { group: ['**/renderer/**', '**/electron/**'], message: 'Host services import neither the renderer nor the Electron shell.' },
        ],
      }],
    },
  },
];

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'release/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', '.bench/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'warn' },
  },
  {
    files: ['**/*.{js,mjs}'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly' } },
  },
  ...layerRules,
);
