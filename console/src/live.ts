/**
 * Live lists: the API's stream of case changes (GET /v1/live/cases, server-sent events) read with fetch — the bearer
 * token in a header, never in the URL, which is why this is not an EventSource — and turned into TanStack Query
 * invalidations: a changed case refetches the lists on screen and that case's own views. Events carry case numbers
 * and states only. The stream reconnects (1 s, doubling to 15 s) when it ends or fails; a 401 ends the session.
 */
import { useEffect, useState } from 'react';
import { useQueryClient, type QueryClient } from '@tanstack/react-query';
import { session } from './session';

export type LiveState = 'connecting' | 'live' | 'offline';

interface CaseEvent {
  caseId: string;
  op: 'opened' | 'changed' | 'left';
}

/** Events within this window are applied together (a burst of changes refetches each list once). */
const BATCH_MS = 100;

function invalidator(client: QueryClient) {
  const ids = new Set<string>();
  let all = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const flush = () => {
    timer = undefined;
    const changed = [...ids];
    ids.clear();
    void client.invalidateQueries({ queryKey: ['cases'] });
    void client.invalidateQueries({ queryKey: ['repeats'] });
    if (all) {
      all = false;
      for (const key of ['case', 'events', 'offers', 'related']) void client.invalidateQueries({ queryKey: [key] });
      return;
    }
    for (const id of changed) for (const key of ['case', 'events', 'offers', 'related']) void client.invalidateQueries({ queryKey: [key, id] });
  };
  return {
    changed(id: string) {
      ids.add(id);
      timer ??= setTimeout(flush, BATCH_MS);
    },
    everything() {
      all = true;
      timer ??= setTimeout(flush, BATCH_MS);
    },
  };
}

function isCaseEvent(v: unknown): v is CaseEvent {
  return typeof v === 'object' && v !== null && typeof (v as { caseId?: unknown }).caseId === 'string';
}

/** Reads one stream until it ends; calls `onFrame` per event. Resolves when the server ends it, throws on failure. */
async function readStream(response: Response, onFrame: (event: string, data: unknown) => void, signal: AbortSignal): Promise<void> {
  const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
  signal.addEventListener('abort', () => void reader.cancel().catch(() => {}));
  let buffer = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return;
    buffer += value.replace(/\r\n/g, '\n');
    let cut: number;
    while ((cut = buffer.indexOf('\n\n')) >= 0) {
      const frame = buffer.slice(0, cut);
      buffer = buffer.slice(cut + 2);
      let event = 'message';
      const data: string[] = [];
      for (const line of frame.split('\n')) {
        if (line.startsWith('event:')) event = line.slice(6).trim();
        else if (line.startsWith('data:')) data.push(line.slice(5).trimStart());
      }
      if (data.length === 0) continue;
      try {
        onFrame(event, JSON.parse(data.join('\n')));
      } catch {
        /* a frame that is not JSON: ignored */
      }
    }
  }
}

/** Keeps the signed-in person's live stream open while mounted; answers its state for the header's indicator. */
export function useLiveCases(token: string | null): LiveState {
  const client = useQueryClient();
  const [state, setState] = useState<LiveState>('offline');
  useEffect(() => {
    if (!token) {
      setState('offline');
      return;
    }
    const abort = new AbortController();
    const apply = invalidator(client);
    let failures = 0;
    let connectedBefore = false;
    void (async () => {
      while (!abort.signal.aborted) {
        setState('connecting');
        try {
          const response = await fetch('/v1/live/cases', { headers: { accept: 'text/event-stream', authorization: `Bearer ${token}` }, signal: abort.signal });
          if (response.status === 401) {
            if (session.token() === token) session.signOut('expired');
            return;
          }
          if (!response.ok || !response.body) throw new Error(`live stream answered ${response.status}`);
          await readStream(
            response,
            (event, data) => {
              if (event === 'ready') {
                failures = 0;
                setState('live');
                // Whatever changed while the stream was down is read again.
                if (connectedBefore) apply.everything();
                connectedBefore = true;
              } else if (event === 'resync') apply.everything();
              else if (event === 'case' && isCaseEvent(data)) apply.changed(data.caseId);
            },
            abort.signal,
          );
        } catch {
          if (abort.signal.aborted) return;
          failures++;
        }
        if (abort.signal.aborted) return;
        setState('offline');
        await new Promise((r) => setTimeout(r, Math.min(15_000, 1_000 * 2 ** Math.min(failures, 4))));
      }
    })();
    return () => abort.abort();
  }, [token, client]);
  return state;
}
