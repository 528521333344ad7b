import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['**/node_modules/**', '**/build/**', '**/.svelte-kit/**', '**/generated/**', '**/migrations/**', '.data/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': 'off',
    },
  },
  {
    // Only repositories reach the database (docs/layout.md): a service or a resolver that imports drizzle
    // has skipped the seam that makes services testable with fakes and keeps SQL in one room.
    files: ['**/*.service.ts', '**/resolvers/**/*.ts', '**/*.rules.ts', '**/*.policy.ts', '**/policy.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['drizzle-orm', 'drizzle-orm/*', 'postgres', '@dangvu/drizzle'],
              message: 'Only *.repository.ts files reach the database; take repositories (and their row types) from the store.',
            },
          ],
        },
      ],
    },
  },
  {
    // GraphQL answers in tests are JSON whose shape the assertions check.
    files: ['**/*.test.ts', '**/test/**/*.ts', '**/testing/**/*.ts', '**/bench/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
);
