// Wires the dashboard: live connection, job list, the open job, submit form, experiments,
// health and error banners. Also exposes `window.lenscast` for tests and benchmarks.
import { api, setToken, ApiError } from './api.js';
import { LiveConnection } from './connection.js';
import { mergeJob, sortJobs, filterJobs, progressFraction, distinct } from './jobList.js';
import { JobView } from './jobView.js';
import { SubmitForm } from './submitForm.js';
import { ExperimentsView } from './experimentsView.js';
import { receivedLayers } from './jobState.js';

const $ = (id) => document.getElementById(id);
const metrics = { layerLatency: [] };
let jobs = [];
const jobView = new JobView({ metrics });
const experiments = new ExperimentsView();
new SubmitForm({ onSubmitted: (jobId) => openJob(jobId) });

function banner(text) {
  const el = $('banner');
  el.hidden = !text;
  el.textContent = text || '';
}

// ---- job list -------------------------------------------------------------------------------
const rowEls = new Map();

function rowContent(job) {
  const pct = Math.round(progressFraction(job) * 100);
  const title = job.imageName || job.jobId.slice(0, 8);
  const ask = job.prompt ? job.prompt.replace(/\s+/g, ' ').replace('USER: ', '') : (job.task ? `task: ${job.task}` : '');
  const meta = [job.experiment && `exp ${job.experiment}`, job.tag && `#${job.tag}`].filter(Boolean).join(' ');
  return { pct, title, ask, meta };
}

function renderJobRow(job) {
  let li = rowEls.get(job.jobId);
  if (!li) {
    li = document.createElement('li');
    li.innerHTML = '<button type="button" class="job-row" data-testid="job-row">'
      + '<span class="row-top"><span class="title"></span><span class="state"></span></span>'
      + '<span class="ask muted"></span><span class="meta muted"></span>'
      + '<span class="progress" role="progressbar" aria-valuemin="0" aria-valuemax="100"><span class="fill"></span></span>'
      + '<span class="progress-text muted"></span></button>';
    li.querySelector('button').addEventListener('click', () => openJob(job.jobId));
    rowEls.set(job.jobId, li);
  }
  const b = li.querySelector('button');
  const { pct, title, ask, meta } = rowContent(job);
  b.dataset.jobId = job.jobId;
  b.dataset.state = job.state;
  b.setAttribute('aria-current', jobView.jobId === job.jobId ? 'true' : 'false');
  b.querySelector('.title').textContent = title;
  b.querySelector('.state').textContent = job.state;
  b.querySelector('.state').className = `state ${job.state}`;
  b.querySelector('.ask').textContent = ask;
  b.querySelector('.meta').textContent = meta;
  b.querySelector('.progress').setAttribute('aria-valuenow', String(pct));
  b.querySelector('.fill').style.transform = `scaleX(${pct / 100})`;
  b.querySelector('.progress-text').textContent = job.state === 'failed'
    ? (job.errorMessage ? `failed: ${job.errorMessage}` : 'failed')
    : `${job.lens === false ? 'runs' : 'layers'} ${job.layersDone} / ${job.layersTotal || '?'}`;
  return li;
}

function renderJobList() {
  const visible = filterJobs(jobs, {
    text: $('filter-text').value, tag: $('filter-tag').value, experiment: $('filter-experiment').value,
  });
  const list = $('job-list');
  const wanted = visible.map(renderJobRow);
  const current = [...list.children];
  if (current.length !== wanted.length || current.some((el, i) => el !== wanted[i])) list.replaceChildren(...wanted);
  $('jobs-empty').hidden = jobs.length > 0;
  $('jobs-empty').textContent = jobs.length === 0
    ? 'No jobs yet. Submit one here or publish with ./lenscast publish IMAGE.'
    : '';
  if (jobs.length > 0 && visible.length === 0) {
    $('jobs-empty').hidden = false;
    $('jobs-empty').textContent = 'No job matches the filters.';
  }
  const options = (field) => distinct(jobs, field)
    .map((t) => `<option value="${t.replace(/"/g, '&quot;')}">`).join('');
  setHtml($('tag-options'), options('tag'));
  setHtml($('experiment-options'), options('experiment'));
}

/** Replaces an element's markup only when it changed (no DOM churn on every update). */
const shownHtml = new WeakMap();
function setHtml(el, html) {
  if (shownHtml.get(el) !== html) {
    shownHtml.set(el, html);
    el.innerHTML = html;
  }
}

let listTimer = null;
function renderJobListSoon() {
  if (listTimer) return;
  listTimer = setTimeout(() => { listTimer = null; renderJobList(); }, 50);
}

for (const id of ['filter-text', 'filter-tag', 'filter-experiment']) {
  $(id).addEventListener('input', renderJobList);
}

// ---- the open job ---------------------------------------------------------------------------
async function loadDetails(jobId) {
  try {
    const details = await api.job(jobId);
    jobView.setDetails(details);
  } catch (e) {
    if (e instanceof ApiError && e.status === 404) return;
    handleApiError(e);
  }
}

function openJob(jobId) {
  if (jobView.jobId && jobView.jobId !== jobId) connection.unsubscribe(jobView.jobId);
  jobView.open(jobId);
  if (location.hash !== `#job=${jobId}`) history.replaceState(null, '', `#job=${jobId}`);
  connection.subscribe(jobId);
  const row = jobs.find((j) => j.jobId === jobId);
  if (row) jobView.setRow(row);
  loadDetails(jobId);
  renderJobList();
}

// ---- live connection ------------------------------------------------------------------------
function onFrame(frame) {
  if (frame.schema || frame.type === 'layer') {
    if (frame.jobId === jobView.jobId) jobView.onEvent(frame);
    return;
  }
  switch (frame.type) {
    case 'jobs':
      jobs = sortJobs(frame.jobs);
      renderJobList();
      break;
    case 'job': {
      const row = frame.job;
      jobs = mergeJob(jobs, row);
      renderJobListSoon();
      if (row.jobId === jobView.jobId) {
        jobView.setRow(row);
        if (row.hasCrop && !jobView.crop) loadDetails(row.jobId);
      }
      break;
    }
    case 'aggregate':
      experiments.set(frame.key, frame.value);
      break;
    case 'dropped':
      banner(`The server dropped this page's live feed (${frame.reason}); reconnecting…`);
      break;
    case 'error':
      console.warn('dashboard:', frame.message);
      break;
    default:
      break;
  }
}

const connection = new LiveConnection({
  url: api.wsUrl(),
  onFrame,
  onState: (s) => {
    const el = $('conn');
    el.dataset.state = s.state;
    if (s.state === 'open') {
      el.textContent = 'live';
      if ($('banner').textContent.startsWith('Live feed') || $('banner').textContent.startsWith('The server dropped')) banner('');
    } else if (s.state === 'connecting') {
      el.textContent = 'connecting…';
    } else {
      el.textContent = 'offline';
      banner(`Live feed lost${s.reason ? ` (${s.reason})` : ''}; reconnecting in ${Math.round(s.retryInMs / 100) / 10} s…`);
    }
  },
});

// ---- health and auth ------------------------------------------------------------------------
async function pollHealth() {
  let health;
  try {
    health = await api.health();
  } catch {
    health = { status: 'down', kafka: { reachable: false, error: 'dashboard unreachable' } };
  }
  const el = $('kafka');
  const up = health.status === 'up';
  el.textContent = up ? 'Kafka: up' : 'Kafka: down';
  el.dataset.state = up ? 'up' : 'down';
  el.title = up ? `${health.kafka?.brokers ?? '?'} broker(s)` : (health.kafka?.error ?? '');
  if (!up) banner(`Kafka is not reachable: ${health.kafka?.error ?? 'no answer'}. Jobs cannot be submitted or progress until it is back.`);
  else if ($('banner').textContent.startsWith('Kafka is not reachable')) banner('');
}

function handleApiError(e) {
  if (e instanceof ApiError && e.status === 401) {
    $('token-dialog').showModal();
  } else {
    banner(`Request failed: ${e.message}`);
  }
}

$('token-form').addEventListener('submit', () => {
  setToken($('token-input').value);
  location.reload();
});

// ---- benchmarks and tests -------------------------------------------------------------------
/**
 * Steps through every received layer, one per animation frame, `rounds` times. For each frame
 * it records the work time (paint + forced style and layout) and the interval between frames.
 */
function animateBenchmark(rounds = 1) {
  return new Promise((resolve) => {
    const layers = receivedLayers(jobView.state);
    const intervals = [];
    const work = [];
    let i = 0;
    let last = null;
    const tick = (t) => {
      if (last !== null) intervals.push(t - last);
      last = t;
      if (i >= layers.length * rounds) {
        resolve({ intervals, work });
        return;
      }
      const t0 = performance.now();
      jobView.layer = layers[i % layers.length];
      jobView.dirty = false;
      jobView.paint();
      void document.body.offsetHeight;
      work.push(performance.now() - t0);
      i++;
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
}

window.lenscast = { metrics, openJob, animateBenchmark, jobView, connection };

// ---- start ----------------------------------------------------------------------------------
connection.start();
pollHealth();
setInterval(pollHealth, 5000);
api.jobs().then((list) => { if (jobs.length === 0) { jobs = sortJobs(list); renderJobList(); } }).catch(handleApiError);
const deepLink = new URLSearchParams(location.hash.slice(1)).get('job');
if (deepLink) openJob(deepLink);
