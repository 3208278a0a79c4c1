// ESLint (issue #18), run by `npm test` as its own stage with zero warnings allowed. Few rules,
// each one a bug or a hole in the types, not a style: the formatting is the code's own.
//   - everywhere (TypeScript): typescript-eslint's recommended set, which understands the types'
//     syntax; `no-explicit-any` is an error in domain/ and server/ (the rules and the kit are typed
//     to the bottom) and in the areas, and allowed only by an explained comment in tests;
//   - src/ (React): the rules of hooks, and every effect's dependencies declared.
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';

export default tseslint.config(
  {
    ignores: ['dist/**', 'node_modules/**', 'test/artifacts/**', '**/*.d.ts', 'coverage/**', '.ci/**'],
  },
  {
    files: ['**/*.{ts,tsx}'],
    extends: [tseslint.configs.recommended],
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      // a leading underscore names what is deliberately unused (a handler's unused actor, a skipped tuple slot)
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_', ignoreRestSiblings: true }],
      // a `let` read by a stop handler installed before it is assigned cannot be a const
      'prefer-const': ['error', { ignoreReadBeforeAssign: true }],
    },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'warn',
    },
  },
);
