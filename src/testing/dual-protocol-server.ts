import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import http2, { type Http2ServerRequest, type Http2ServerResponse, type Http2Session } from 'node:http2';
import net, { type AddressInfo, type Socket } from 'node:net';

/**
 * A request as the server read it, the same for HTTP/2 and HTTP/1.1.
 *
 * @example
 * ```ts
 * const request: WireRequest = { method: 'GET', url: '/v1/scenarios?limit=1', headers: {}, body: Buffer.alloc(0), protocol: 'http/2', tooLarge: false };
 * ```
 */
export interface WireRequest {
  readonly method: string;
  /** Path and query string. */
  readonly url: string;
  /** Lower-case header names; HTTP/2 pseudo-headers left out; repeated headers joined with `, `. */
  readonly headers: Readonly<Record<string, string>>;
  readonly body: Buffer;
  readonly protocol: 'http/2' | 'http/1.1';
  /** Whether the body exceeded the size limit (and was not kept). */
  readonly tooLarge: boolean;
}

/**
 * What to do with a request: answer it, or cut it off (an HTTP/2 stream reset, or a TCP reset
 * over HTTP/1.1), so the client gets no response at all.
 *
 * @example
 * ```ts
 * const reply: WireReply = { kind: 'respond', status: 200, headers: { 'content-type': 'application/json' }, body: '{}' };
 * ```
 */
export type WireReply =
  | { readonly kind: 'respond'; readonly status: number; readonly headers: Readonly<Record<string, string>>; readonly body: string }
  | { readonly kind: 'reset' };

/**
 * A running server; `close()` cuts every connection and stops listening.
 *
 * @example
 * ```ts
 * const { host, port } = server; // '127.0.0.1', an ephemeral port
 * ```
 */
export interface DualProtocolServer {
  readonly host: string;
  readonly port: number;
  close(): Promise<void>;
}

/** The bytes every HTTP/2 cleartext ("prior knowledge") connection starts with. */
const HTTP2_PREFACE = Buffer.from('PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n');
const MAX_BODY_BYTES = 32 * 1024 * 1024;

/**
 * How long the server waits on a client, in milliseconds, so that idle and half-sent connections
 * (a slowloris) are cut instead of held open.
 *
 * @example
 * ```ts
 * const timeouts: ServerTimeouts = { firstBytesMs: 10_000, headersMs: 10_000, requestMs: 30_000, idleMs: 30_000 };
 * ```
 */
export interface ServerTimeouts {
  /** From the connection until its first bytes show the protocol. */
  readonly firstBytesMs: number;
  /** HTTP/1.1: from a request's first byte until its headers are complete. */
  readonly headersMs: number;
  /** From a request's start until its body is complete (answered 408 otherwise). */
  readonly requestMs: number;
  /** A connection (HTTP/1.1 keep-alive, HTTP/2 session) with no traffic at all is closed after this long. */
  readonly idleMs: number;
}

/**
 * The timeouts of a server unless told otherwise: generous for any test, short enough that
 * abandoned connections do not pile up.
 */
const DEFAULT_SERVER_TIMEOUTS: ServerTimeouts = Object.freeze({ firstBytesMs: 10_000, headersMs: 10_000, requestMs: 30_000, idleMs: 30_000 });

/**
 * Serves HTTP/2 cleartext (prior knowledge, the SDK's default transport) and HTTP/1.1 on one
 * port: each TCP connection is read until its first bytes show whether they are the HTTP/2
 * preface, then handed to an `http2` or an `http` server. Listens on `host` (127.0.0.1) on an
 * ephemeral port.
 *
 * @example
 * ```ts
 * const server = await startDualProtocolServer(async () => ({ kind: 'respond', status: 204, headers: {}, body: '' }));
 * await fetch(`http://127.0.0.1:${server.port}/`);
 * await server.close();
 * ```
 */
export async function startDualProtocolServer(
  handle: (request: WireRequest) => Promise<WireReply>,
  options: { host?: string; timeouts?: Partial<ServerTimeouts> } = {},
): Promise<DualProtocolServer> {
  const host = options.host ?? '127.0.0.1';
  const timeouts: ServerTimeouts = { ...DEFAULT_SERVER_TIMEOUTS, ...options.timeouts };
  const sockets = new Set<Socket>();
  const sessions = new Set<Http2Session>();
  let closed = false;

  const onRequest = (request: IncomingMessage | Http2ServerRequest, response: ServerResponse | Http2ServerResponse) => {
    serve(request, response, handle, () => closed, timeouts.requestMs).catch((error: unknown) => {
      if (closed) return;
      // A bug in the fake: say so (never with a stack trace), and tell the SDK not to retry it.
      if (!response.headersSent) {
        response.writeHead(500, { 'content-type': 'application/json', 'x-should-retry': 'false' });
        response.end(JSON.stringify({ message: `scenariokit fake: internal error: ${error instanceof Error ? error.message : String(error)}` }));
      }
    });
  };
  const http1Server = http.createServer(
    {
      headersTimeout: timeouts.headersMs,
      requestTimeout: timeouts.requestMs * 2, // a backstop: serve() answers 408 at requestMs
      keepAliveTimeout: timeouts.idleMs,
      connectionsCheckingInterval: Math.max(10, Math.min(timeouts.headersMs, timeouts.requestMs) / 4),
    },
    onRequest,
  );
  http1Server.timeout = timeouts.idleMs; // no traffic at all on a connection
  const http2Server = http2.createServer({}, onRequest);
  // an idle session ends with GOAWAY (the callback gets the session, though the types say nothing)
  http2Server.setTimeout(timeouts.idleMs, ((session: Http2Session) => session.close()) as () => void);
  http2Server.on('session', (session) => {
    sessions.add(session);
    session.on('close', () => sessions.delete(session));
    session.on('error', () => {});
  });

  const tcpServer = net.createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => {}); // resets from clients are normal here
    socket.setTimeout(timeouts.firstBytesMs, () => socket.destroy()); // a connection that never says which protocol
    let seen = Buffer.alloc(0);
    const onData = (chunk: Buffer) => {
      seen = Buffer.concat([seen, chunk]);
      const compared = Math.min(seen.length, HTTP2_PREFACE.length);
      const http2Preface = seen.subarray(0, compared).equals(HTTP2_PREFACE.subarray(0, compared));
      if (http2Preface && seen.length < HTTP2_PREFACE.length) return; // not enough bytes to tell yet
      socket.off('data', onData);
      socket.setTimeout(0); // from here on, the protocol's own timeouts apply
      socket.pause();
      socket.unshift(seen);
      if (http2Preface) {
        // The HTTP/2 session reads what is buffered on the socket itself, on the next tick.
        http2Server.emit('connection', socket);
      } else {
        http1Server.emit('connection', socket);
        socket.resume();
      }
    };
    socket.on('data', onData);
  });

  await new Promise<void>((resolve, reject) => {
    tcpServer.once('error', reject);
    tcpServer.listen(0, host, () => {
      tcpServer.off('error', reject);
      resolve();
    });
  });
  const { port } = tcpServer.address() as AddressInfo;
  // The HTTP/1.1 server never listens itself (connections are handed to it), but its headers and
  // request timeouts are checked only for a server that has emitted 'listening'.
  http1Server.emit('listening');

  return {
    host,
    port,
    async close() {
      if (closed) return;
      closed = true;
      const stopped = new Promise<void>((resolve) => tcpServer.close(() => resolve()));
      for (const session of sessions) session.destroy();
      for (const socket of sockets) socket.destroy();
      http1Server.closeAllConnections();
      http1Server.close(() => {}); // stops its timeout checks (it was never listening)
      await stopped;
    },
  };
}

async function serve(
  request: IncomingMessage | Http2ServerRequest,
  response: ServerResponse | Http2ServerResponse,
  handle: (request: WireRequest) => Promise<WireReply>,
  isClosed: () => boolean,
  requestMs: number,
): Promise<void> {
  const chunks: Buffer[] = [];
  let size = 0;
  let tooLarge = false;
  // a body that does not arrive in time is answered 408 and its stream or connection cut
  const late = setTimeout(() => {
    const http2Stream = 'stream' in request ? request.stream : undefined;
    const cut = () => (http2Stream ? http2Stream.close(http2.constants.NGHTTP2_CANCEL) : request.socket.destroy());
    if (response.headersSent) return cut();
    response.writeHead(408, { 'content-type': 'application/json', ...(http2Stream ? {} : { connection: 'close' }) });
    (response as ServerResponse).end(JSON.stringify({ message: `request body not received within ${requestMs} ms` }), cut);
  }, requestMs);
  try {
    for await (const chunk of request as AsyncIterable<Buffer>) {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) tooLarge = true;
      else chunks.push(chunk);
    }
  } finally {
    clearTimeout(late);
  }
  if (response.headersSent) return;
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(request.headers)) {
    if (name.startsWith(':') || value === undefined) continue;
    headers[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : String(value);
  }
  const reply = await handle({
    method: (request.method ?? 'GET').toUpperCase(),
    url: request.url ?? '/',
    headers,
    body: tooLarge ? Buffer.alloc(0) : Buffer.concat(chunks),
    protocol: request.httpVersion === '2.0' ? 'http/2' : 'http/1.1',
    tooLarge,
  });
  if (isClosed()) return;
  if (reply.kind === 'reset') {
    if ('stream' in request) request.stream.close(http2.constants.NGHTTP2_INTERNAL_ERROR);
    else request.socket.resetAndDestroy();
    return;
  }
  response.writeHead(reply.status, { ...reply.headers, 'content-length': String(Buffer.byteLength(reply.body)) });
  response.end(reply.body);
}
