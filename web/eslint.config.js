import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import root from '../eslint.config.js';

export default tseslint.config(
  { ignores: ['build/**', '.svelte-kit/**', 'src/lib/graphql/generated/**'] },
  ...root,
  ...svelte.configs.recommended,
  {
    files: ['**/*.svelte', '**/*.svelte.ts'],
    languageOptions: { globals: { ...globals.browser }, parserOptions: { parser: tseslint.parser, extraFileExtensions: ['.svelte'] } },
  },
);
