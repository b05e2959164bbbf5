// A report's progress page: once the file is stored, it is offered for download.
import { followProgress } from './progress.js';

const root = document.getElementById('report');
const id = root.getAttribute('data-report-id');
const wait = document.getElementById('report-wait');
const done = document.getElementById('progress-done');
const link = document.getElementById('download-link');

followProgress(root, {
  events: `/api/reports/${encodeURIComponent(id)}/events`,
  eventName: 'report',
  failed: () => {
    wait.hidden = true;
  },
  succeeded: (view) => {
    if (!view.download) {
      return;
    }
    link.href = view.download;
    done.hidden = false;
    wait.hidden = true;
    link.focus();
  },
});
