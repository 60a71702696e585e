import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'examples/**', 'coverage/**', '.scratch/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        projectService: { allowDefaultProject: ['bin/*.js', 'eslint.config.js', 'test/bench/*.mjs'] },
      },
    },
    linterOptions: { reportUnusedDisableDirectives: true },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/only-throw-error': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
    },
  },
  {
    // The compiler stages are pure: no file system, no processes, no environment.
    files: ['src/**/*.ts'],
    ignores: ['src/io/**', 'src/commands/**', 'src/cli/**', 'src/services/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'node:fs', message: 'Only src/io/ touches the file system.' },
            { name: 'node:fs/promises', message: 'Only src/io/ touches the file system.' },
            { name: 'node:child_process', message: 'Only src/io/ runs processes.' },
            { name: 'execa', message: 'Only src/io/ runs processes.' },
          ],
        },
      ],
      'no-restricted-properties': [
        'error',
        { object: 'process', property: 'cwd', message: 'Take the working directory as an argument.' },
        { object: 'process', property: 'env', message: 'Take the environment as an argument.' },
      ],
    },
  },
  {
    files: ['bin/**/*.js', 'test/bench/*.mjs'],
    languageOptions: {
      globals: {
        process: 'readonly',
        performance: 'readonly',
        Buffer: 'readonly',
        console: 'readonly',
        URL: 'readonly',
      },
    },
  },
  // The benchmark is a plain JavaScript script: no type information to check.
  { files: ['test/bench/*.mjs'], ...tseslint.configs.disableTypeChecked },
  {
    files: ['test/**/*.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-explicit-any': 'off',
    },
  },
);
