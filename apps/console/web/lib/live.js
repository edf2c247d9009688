// Live changes of the CLB's cases: server-sent events from risk-assessment through the console (same origin, the
// session cookie). EventSource reconnects by itself after a dropped connection; after an HTTP error (the session
// ended, the service is down) it gives up, so this checks the session and tries again a little later.
import { api } from './api.js';

export const CASE_STREAM_URL = '/api/risk-assessment/v1/cases/stream';
const RETRY_AFTER_ERROR_MS = 10_000;

/**
 * Watches the CLB's cases until `signal` aborts.
 * - onChange(kind, item): 'case-opened' or 'case-changed' with the case as a queue item (QueueItemDto).
 * - onResync(): changes may have been missed (every (re)connect, or the service says so): fetch again.
 * - onState(state): 'connecting', 'live' or 'offline'.
 */
export function watchCases({ signal, onChange, onResync, onState }) {
  let source = null;
  let timer = null;

  const open = () => {
    if (signal.aborted) return;
    onState?.('connecting');
    source = new EventSource(CASE_STREAM_URL);
    source.addEventListener('ready', () => {
      onState?.('live');
      onResync?.();
    });
    source.addEventListener('resync', () => onResync?.());
    for (const kind of ['case-opened', 'case-changed']) {
      source.addEventListener(kind, (event) => {
        let item = null;
        try {
          item = JSON.parse(event.data);
        } catch {
          return; // not an event this page understands
        }
        if (item && typeof item.id === 'string') onChange?.(kind, item);
      });
    }
    source.addEventListener('error', () => {
      if (signal.aborted) return;
      if (source.readyState !== EventSource.CLOSED) {
        onState?.('connecting'); // the browser reconnects by itself
        return;
      }
      onState?.('offline');
      source.close();
      // Refused (not a stream): a 401 from /auth/me brings up the login page; otherwise try again later.
      void api('/auth/me', { background: true, signal }).catch(() => undefined);
      clearTimeout(timer);
      timer = setTimeout(open, RETRY_AFTER_ERROR_MS);
    });
  };

  signal.addEventListener('abort', () => {
    clearTimeout(timer);
    source?.close();
  });
  open();
}
