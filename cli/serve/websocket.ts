import { createHash } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';

const GUID = '258EAFA5-E914-47DA-95CA-C5AB0DC85B11';
const TEXT = 0x1;
const CLOSE = 0x8;
const PING = 0x9;
const PONG = 0xa;

/** One frame (RFC 6455 §5.2), masked when a client sends it. */
export function encodeFrame(opcode: number, payload: Buffer, mask?: Buffer): Buffer {
  const n = payload.length;
  const lengthBytes = n < 126 ? 0 : n < 65536 ? 2 : 8;
  const head = Buffer.alloc(2 + lengthBytes + (mask ? 4 : 0));
  head[0] = 0x80 | opcode;
  head[1] = (mask ? 0x80 : 0) | (n < 126 ? n : n < 65536 ? 126 : 127);
  if (lengthBytes === 2) head.writeUInt16BE(n, 2);
  if (lengthBytes === 8) head.writeBigUInt64BE(BigInt(n), 2);
  if (!mask) return Buffer.concat([head, payload]);
  mask.copy(head, 2 + lengthBytes);
  const body = Buffer.from(payload);
  for (let i = 0; i < n; i++) body[i]! ^= mask[i % 4]!;
  return Buffer.concat([head, body]);
}

/** Splits a byte stream into whole frames (fragmented messages are not used by browsers for small texts). */
export class FrameParser {
  private buffered = Buffer.alloc(0);

  constructor(private readonly onFrame: (opcode: number, payload: Buffer) => void) {}

  push(chunk: Buffer): void {
    this.buffered = Buffer.concat([this.buffered, chunk]);
    for (;;) {
      const b = this.buffered;
      if (b.length < 2) return;
      const masked = (b[1]! & 0x80) !== 0;
      let n = b[1]! & 0x7f;
      let at = 2;
      if (n === 126) {
        if (b.length < 4) return;
        n = b.readUInt16BE(2);
        at = 4;
      } else if (n === 127) {
        if (b.length < 10) return;
        n = Number(b.readBigUInt64BE(2));
        at = 10;
      }
      const maskAt = at;
      if (masked) at += 4;
      if (b.length < at + n) return;
      const payload = Buffer.from(b.subarray(at, at + n));
      if (masked) for (let i = 0; i < n; i++) payload[i]! ^= b[maskAt + (i % 4)]!;
      this.buffered = b.subarray(at + n);
      this.onFrame(b[0]! & 0x0f, payload);
    }
  }
}

export interface WebSocketConnection {
  send(text: string): void;
  onText(listener: (text: string) => void): void;
  onClose(listener: () => void): void;
}

/** Completes the handshake of an HTTP upgrade request and speaks text frames on the socket. */
export function acceptWebSocket(req: IncomingMessage, socket: Duplex): WebSocketConnection {
  const key = req.headers['sec-websocket-key'] ?? '';
  const accept = createHash('sha1').update(key + GUID).digest('base64');
  socket.write(`HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: ${accept}\r\n\r\n`);
  const texts: ((text: string) => void)[] = [];
  const parser = new FrameParser((opcode, payload) => {
    if (opcode === TEXT) texts.forEach((l) => l(payload.toString('utf8')));
    else if (opcode === PING) socket.write(encodeFrame(PONG, payload));
    else if (opcode === CLOSE) socket.end(encodeFrame(CLOSE, Buffer.alloc(0)));
  });
  socket.on('data', (chunk: Buffer) => parser.push(chunk));
  // HTTP servers keep half-open sockets: a peer that went away without a close frame would never close.
  socket.on('end', () => socket.end());
  socket.on('error', () => socket.destroy());
  return {
    send: (text) => void (socket.writable && socket.write(encodeFrame(TEXT, Buffer.from(text, 'utf8')))),
    onText: (listener) => void texts.push(listener),
    onClose: (listener) => void socket.on('close', listener),
  };
}
