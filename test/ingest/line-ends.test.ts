import { describe, expect, it } from 'vitest';
import { LineLimits } from '../../src/ingest/line-limits.js';

/** Whether DuckDB may read the bytes as they are (src/ingest/decode.ts): only \n or \r\n line ends. */
const plain = (text: string) => {
  const limits = new LineLimits();
  limits.scan(Buffer.from(text));
  limits.end();
  return limits.plain;
};

describe('ingest: which files are read as they are', () => {
  it('takes lines ended by \\n or \\r\\n', () => {
    expect(plain('a,b\n1,2\n')).toBe(true);
    expect(plain('a,b\r\n"1",2\r\n,3\r\n')).toBe(true);
  });

  it('rewrites a line ended by \\r alone, whatever the next line starts with', () => {
    expect(plain('a,b\r1,2\n')).toBe(false);
    expect(plain('a,b\r"1",2\n')).toBe(false);
    expect(plain('a,b\r,2\n')).toBe(false);
    expect(plain('a\tb\r\t2\n')).toBe(false);
    expect(plain('a,b\r')).toBe(false);
    // The next line holds no plain text at all: only a separator, or only a quoted field.
    expect(plain('a,b\r,\n')).toBe(false);
    expect(plain('a\r"x"\n')).toBe(false);
  });

  it('rewrites empty lines and line breaks inside quotes', () => {
    expect(plain('a,b\n\n1,2\n')).toBe(false);
    expect(plain('a,b\n"1\r\n2",3\n')).toBe(false);
  });
});
