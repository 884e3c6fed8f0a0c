import { createReadStream, rmSync } from 'node:fs';
import { Readable } from 'node:stream';

/**
 * A temporary file DuckDB wrote (COPY … TO), as the body of a download: read a chunk at a time as
 * the client takes it, after `prefix` (a CSV's BOM and header row) if given, and removed once read
 * to its end or abandoned by the client.
 */
export function temporaryFileStream(file: string, prefix?: string): ReadableStream<Uint8Array> {
  // Read a MiB at a time: in 64 KiB reads (the default), passing 276 MB through the web stream
  // took 0.6–0.8 s, in 1 MiB reads 0.2 s.
  const body = createReadStream(file, { highWaterMark: 1 << 20 });
  body.once('close', () => rmSync(file, { force: true }));
  const stream = Readable.toWeb(body) as ReadableStream<Uint8Array>;
  if (prefix === undefined) return stream;
  const reader = stream.getReader();
  return new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(new TextEncoder().encode(prefix));
    },
    async pull(controller) {
      const { value, done } = await reader.read();
      if (done) controller.close();
      else controller.enqueue(value);
    },
    // The client went away: cancelling the file's stream closes it, which removes the file.
    cancel: (reason) => reader.cancel(reason),
  });
}
