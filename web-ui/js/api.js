// HTTP calls to the dashboard API, with the optional bearer token (kept for this tab only).

const TOKEN_KEY = 'lenscast.token';

export function token() {
  const fromHash = new URLSearchParams(location.hash.slice(1)).get('token');
  if (fromHash) sessionStorage.setItem(TOKEN_KEY, fromHash);
  return sessionStorage.getItem(TOKEN_KEY) || '';
}

export function setToken(value) {
  sessionStorage.setItem(TOKEN_KEY, value);
}

function headers() {
  const t = token();
  return t ? { Authorization: `Bearer ${t}` } : {};
}

export class ApiError extends Error {
  constructor(status, message) {
    super(message);
    this.status = status;
  }
}

async function call(path, init = {}) {
  const res = await fetch(path, { ...init, headers: { ...headers(), ...(init.headers || {}) } });
  const body = await res.json().catch(() => ({}));
  if (!res.ok) throw new ApiError(res.status, body.error || `${res.status} ${res.statusText}`);
  return body;
}

export const api = {
  jobs: () => call('/api/jobs'),
  job: (id) => call(`/api/jobs/${encodeURIComponent(id)}`),
  aggregates: () => call('/api/aggregates'),
  health: async () => {
    const res = await fetch('/health');
    return res.json().catch(() => ({ status: 'down' }));
  },
  submit: (formData) => call('/api/jobs', { method: 'POST', body: formData }),
  cropUrl: (id) => {
    const t = token();
    return `/api/jobs/${encodeURIComponent(id)}/crop.jpg${t ? `?access_token=${encodeURIComponent(t)}` : ''}`;
  },
  wsUrl: () => {
    const t = token();
    const proto = location.protocol === 'https:' ? 'wss' : 'ws';
    return `${proto}://${location.host}/ws${t ? `?access_token=${encodeURIComponent(t)}` : ''}`;
  },
};
