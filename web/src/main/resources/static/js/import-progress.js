// An import's progress page: once the discussion is saved, it opens.
import { followProgress } from './progress.js';

const root = document.getElementById('import');
const id = root.getAttribute('data-import-id');
const done = document.getElementById('progress-done');
const link = document.getElementById('discussion-link');

followProgress(root, {
  events: `/api/imports/${encodeURIComponent(id)}/events`,
  eventName: 'import',
  succeeded: (view) => {
    if (!view.discussionId) {
      return;
    }
    link.href = `/discussions/${encodeURIComponent(view.discussionId)}`;
    done.hidden = false;
    window.setTimeout(() => window.location.assign(link.href), 1500);
  },
});
