// A WebSocket to /ws that reconnects by itself (with backoff) and re-subscribes what was open.
// Layers are asked for as compact frames (a third of the bytes, flat arrays; see jobState.js).

// `?layers=full` in the page's URL asks for the full events instead (for comparisons).
const LAYERS = new URLSearchParams(globalThis.location?.search ?? '').get('layers') === 'full'
  ? 'full' : 'compact';

function subscribeRequest(jobId) {
  return { type: 'subscribe', jobId, layers: LAYERS };
}

export class LiveConnection {
  constructor({ url, onFrame, onState }) {
    this.url = url;
    this.onFrame = onFrame;
    this.onState = onState;
    this.subscriptions = new Set();
    this.attempt = 0;
    this.socket = null;
    this.stopped = false;
  }

  start() {
    this.stopped = false;
    this.open();
  }

  stop() {
    this.stopped = true;
    if (this.socket) this.socket.close();
  }

  open() {
    this.onState({ state: 'connecting' });
    const socket = new WebSocket(this.url);
    this.socket = socket;
    socket.onopen = () => {
      this.attempt = 0;
      this.onState({ state: 'open' });
      for (const id of this.subscriptions) this.send(subscribeRequest(id));
    };
    socket.onmessage = (msg) => {
      let frame;
      try {
        frame = JSON.parse(msg.data);
      } catch {
        return;
      }
      this.onFrame(frame);
    };
    socket.onclose = (ev) => {
      if (this.socket !== socket) return;
      this.socket = null;
      if (this.stopped) return;
      const delay = Math.min(10000, 300 * 2 ** this.attempt++);
      this.onState({ state: 'closed', code: ev.code, reason: ev.reason, retryInMs: delay });
      setTimeout(() => { if (!this.stopped) this.open(); }, delay);
    };
  }

  send(message) {
    if (this.socket && this.socket.readyState === WebSocket.OPEN) {
      this.socket.send(JSON.stringify(message));
    }
  }

  subscribe(jobId) {
    this.subscriptions.add(jobId);
    this.send(subscribeRequest(jobId));
  }

  unsubscribe(jobId) {
    this.subscriptions.delete(jobId);
    this.send({ type: 'unsubscribe', jobId });
  }
}
