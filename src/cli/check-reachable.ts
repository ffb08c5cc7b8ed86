import { connect, type LookupFunction } from 'node:net';

/** How long the check waits for a connection before giving up. */
const CONNECT_TIMEOUT_MS = 5_000;

const REASONS: Readonly<Record<string, string>> = {
  ENOTFOUND: 'its host name does not resolve',
  EAI_AGAIN: 'its host name could not be resolved (no answer from DNS)',
  ECONNREFUSED: 'the connection was refused (nothing listens there)',
  ECONNRESET: 'the connection was reset',
  EHOSTUNREACH: 'the host is unreachable',
  ENETUNREACH: 'the network is unreachable',
  ETIMEDOUT: `no connection within ${CONNECT_TIMEOUT_MS / 1000} s`,
};

/**
 * Opens (and closes) one TCP connection to `url`'s host and port, so that a wrong or unreachable
 * address fails at once, naming the URL and where it came from (`source`, e.g. the variable),
 * instead of after the SDK's retries of a connection error (half a minute). `lookup` replaces
 * DNS resolution (tests).
 */
export async function checkReachable(url: URL, source: string, options: { lookup?: LookupFunction; timeoutMs?: number } = {}): Promise<void> {
  const host = url.hostname.replace(/^\[(.*)\]$/, '$1');
  const port = Number(url.port || (url.protocol === 'https:' ? 443 : 80));
  const timeoutMs = options.timeoutMs ?? CONNECT_TIMEOUT_MS;
  await new Promise<void>((resolve, reject) => {
    const socket = connect({ host, port, ...(options.lookup ? { lookup: options.lookup } : {}) });
    const fail = (code: string, detail?: string) => {
      socket.destroy();
      const reason = REASONS[code] ?? `${code}${detail ? `: ${detail}` : ''}`;
      reject(new Error(`cannot reach Runloop at ${url.href} (${source}): ${reason}. Check the URL and your network, then run this again.`));
    };
    const timer = setTimeout(() => fail('ETIMEDOUT'), timeoutMs);
    socket.once('connect', () => {
      clearTimeout(timer);
      socket.destroy();
      resolve();
    });
    socket.once('error', (error: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      fail(error.code ?? 'ERROR', error.message);
    });
  });
}
