// The test configuration lives in test/ (linted and typechecked with the tests); vitest looks here.
export { default } from './test/vitest.config.js';
