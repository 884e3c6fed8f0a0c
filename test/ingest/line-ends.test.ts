import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LineLimits, MAX_LINE_BYTES } from '../../src/ingest/line-limits.js';

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

/** What a scan of `chunks` says: whether the bytes are plain, or the message of the limit met. */
function scanned(chunks: Uint8Array[]): string {
  const limits = new LineLimits();
  try {
    for (const chunk of chunks) limits.scan(chunk);
  } catch (error) {
    return (error as Error).message;
  }
  limits.end();
  return limits.plain ? 'plain' : 'rewritten';
}

/** The bytes cut at the given places. */
function cut(bytes: Buffer, at: number[]): Buffer[] {
  const points = [...new Set(at.map((n) => n % (bytes.length + 1)))].sort((a, b) => a - b);
  return [...points, bytes.length].map((end, i) => bytes.subarray(i === 0 ? 0 : points[i - 1], end));
}

describe('ingest: the line limits read every file the same way, however its bytes arrive', () => {
  // Whole short lines take a faster path (the buffer's own search) than the byte-by-byte loop; a
  // file read a byte at a time never takes it, so it is what the fast path must agree with.
  const piece = fc.oneof(
    { weight: 8, arbitrary: fc.constantFrom('a', '12', '中文', ',', '\t', '"', '\r', '\n', '\r\n', '\n\n') },
    { weight: 1, arbitrary: fc.integer({ min: 990, max: 1010 }).map((n) => ','.repeat(n)) },
    { weight: 1, arbitrary: fc.integer({ min: 990, max: 1010 }).map((n) => '\t'.repeat(n)) },
  );
  const text = fc.array(piece, { maxLength: 60 }).map((pieces) => Buffer.from(pieces.join('')));

  it('gives the same answer in one chunk, in random chunks and a byte at a time', () => {
    fc.assert(
      fc.property(text, fc.array(fc.nat(), { maxLength: 6 }), (bytes, at) => {
        const byByte = scanned(cut(bytes, [...bytes.keys()]));
        expect(scanned([bytes])).toBe(byByte);
        expect(scanned(cut(bytes, at))).toBe(byByte);
      }),
      { numRuns: 2000 },
    );
  });

  it('stops a line over the byte limit, in one chunk or many', () => {
    const long = Buffer.from(`a,b\n1,${'x'.repeat(MAX_LINE_BYTES)}\n2,3\n`);
    expect(scanned([long])).toContain('第2行超过');
    expect(scanned(cut(long, [5, 1000, 70_000]))).toContain('第2行超过');
  });
});
