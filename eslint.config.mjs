// ESLint (flat config): typescript-eslint's recommended rules, and the architecture as rules.
// The layers (docs/architecture.md): core → host → lsp / cli → client. Each rule below is proven
// to reject a violation by test/lint/layering.test.mjs.
import { builtinModules } from 'node:module';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const nodeBuiltins = [...builtinModules, ...builtinModules.map((m) => `node:${m}`)];

/** The core is plain functions over text and data: no Node, no editor, no I/O, no upper layer. */
const coreImports = {
  paths: nodeBuiltins.map((name) => ({ name, message: 'The core does no I/O: read in host/ and pass data in.' })),
  patterns: [
    { group: ['vscode', 'vscode-languageserver*'], message: 'The core knows neither VS Code nor the protocol.' },
    {
      group: ['**/host', '**/host/**', '**/lsp', '**/lsp/**', '**/cli', '**/cli/**'],
      message: 'The core may not import host/, lsp/ or cli/: dependencies point down.',
    },
  ],
};

/** host/ is I/O under the core: the server and the CLI use it, never the reverse. */
const hostImports = {
  patterns: [
    { group: ['**/lsp', '**/lsp/**', '**/cli', '**/cli/**'], message: 'host/ may not import lsp/ or cli/.' },
    { group: ['vscode', 'vscode-languageserver*'], message: 'host/ knows neither VS Code nor the protocol.' },
  ],
};

/** The client only wires VS Code to the server: of the server it knows the protocol alone. */
const clientImports = {
  patterns: [
    {
      regex: '(^|/)server/(?!src/protocol(/|$))',
      message: 'The client imports from the server only its protocol module (server/src/protocol).',
    },
  ],
};

export default tseslint.config(
  {
    ignores: [
      'node_modules/',
      'dist/',
      'out/',
      'test-artifacts/',
      'bench/tmp/',
      'test/fixtures/',
      '**/*.d.ts',
      'test/vscode/language-pack-ja-stub/',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      ecmaVersion: 2022,
      sourceType: 'module',
      globals: {
        process: 'readonly',
        console: 'readonly',
        require: 'readonly',
        module: 'readonly',
        __dirname: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
        setImmediate: 'readonly',
        setInterval: 'readonly',
        clearInterval: 'readonly',
        performance: 'readonly',
        Buffer: 'readonly',
        URL: 'readonly',
        TextDecoder: 'readonly',
        TextEncoder: 'readonly',
        AbortController: 'readonly',
        structuredClone: 'readonly',
        NodeJS: 'readonly',
        globalThis: 'readonly',
        fetch: 'readonly',
      },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      eqeqeq: ['error', 'smart'],
      // Japanese text uses the ideographic space (U+3000) on purpose, in strings and patterns.
      'no-irregular-whitespace': [
        'error',
        { skipStrings: true, skipRegExps: true, skipTemplates: true, skipComments: true },
      ],
      'no-console': 'off',
    },
  },
  { files: ['server/src/core/**/*.ts'], rules: { 'no-restricted-imports': ['error', coreImports] } },
  { files: ['server/src/host/**/*.ts'], rules: { 'no-restricted-imports': ['error', hostImports] } },
  { files: ['client/src/**/*.ts'], rules: { 'no-restricted-imports': ['error', clientImports] } },
  {
    // Tests and scripts may reach any layer; mocha's globals for the real-VS-Code suite.
    files: ['test/**/*.ts', 'test/**/*.mjs', 'scripts/**/*.mjs', 'bench/**/*.mjs'],
    languageOptions: { globals: { suite: 'readonly', test: 'readonly', setup: 'readonly', teardown: 'readonly' } },
  },
);
