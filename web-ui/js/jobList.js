// The job list model: merging row updates, filtering, ordering. Pure.

/** Inserts or replaces a job row; newest submission first. Returns a new array. */
export function mergeJob(jobs, row) {
  const out = jobs.filter((j) => j.jobId !== row.jobId);
  out.push(row);
  return sortJobs(out);
}

export function sortJobs(jobs) {
  const t = (j) => j.submittedAtMs ?? j.updatedAtMs ?? 0;
  return [...jobs].sort((a, b) => t(b) - t(a) || String(a.jobId).localeCompare(String(b.jobId)));
}

/** Case-insensitive substring filters on tag, experiment and free text (id, prompt, task). */
export function filterJobs(jobs, { tag = '', experiment = '', text = '' } = {}) {
  const has = (v, q) => !q || String(v ?? '').toLowerCase().includes(q.toLowerCase());
  return jobs.filter((j) => has(j.tag, tag) && has(j.experiment, experiment)
    && (has(j.jobId, text) || has(j.prompt, text) || has(j.task, text) || has(j.imageName, text)));
}

/** Progress in [0, 1] from layers done / total (0 when the total is not known yet). */
export function progressFraction(job) {
  if (job.state === 'completed') return 1;
  if (!job.layersTotal) return 0;
  return Math.min(1, (job.layersDone || 0) / job.layersTotal);
}

/** Distinct non-empty values of a field, sorted: for the filter suggestions. */
export function distinct(jobs, field) {
  return [...new Set(jobs.map((j) => j[field]).filter((v) => v))].sort();
}
