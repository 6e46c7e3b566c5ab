import { writeSync } from 'node:fs';
import { deserialize, serialize } from 'node:v8';

/**
 * Messages on a byte pipe: a 4-byte length, then the V8 structured-clone serialisation (what
 * `serialization: 'advanced'` IPC uses), so Float64Arrays cross without conversion.
 *
 * Why not `process.send`: a sampling worker never yields to its event loop, and Node's IPC channel
 * writes what does not fit the socket's buffer only from the event loop, so batches would arrive
 * when the chain ends. A blocking `writeSync` delivers each batch at once, and a slow reader slows
 * the sampler instead of piling batches up in memory.
 */
export function writeFrame(fd: number, message: unknown): void {
  const body = serialize(message);
  const frame = Buffer.allocUnsafe(4 + body.length);
  frame.writeUInt32LE(body.length, 0);
  body.copy(frame, 4);
  for (let written = 0; written < frame.length; ) written += writeSync(fd, frame, written);
}

/** Reassembles frames from a stream's chunks, however the chunks split them. */
export class FrameReader {
  private chunks: Buffer[] = [];
  private buffered = 0;

  constructor(private readonly onMessage: (message: unknown) => void) {}

  push(chunk: Buffer): void {
    this.chunks.push(chunk);
    this.buffered += chunk.length;
    while (this.buffered >= 4) {
      const head = this.peek(4);
      const length = head.readUInt32LE(0);
      if (this.buffered < 4 + length) return;
      const frame = this.take(4 + length);
      this.onMessage(deserialize(frame.subarray(4)));
    }
  }

  private peek(n: number): Buffer {
    if (this.chunks[0]!.length < n) this.chunks = [Buffer.concat(this.chunks)];
    return this.chunks[0]!.subarray(0, n);
  }

  private take(n: number): Buffer {
    const all = this.chunks.length === 1 ? this.chunks[0]! : Buffer.concat(this.chunks);
    this.chunks = all.length > n ? [all.subarray(n)] : [];
    this.buffered -= n;
    return all.subarray(0, n);
  }
}
