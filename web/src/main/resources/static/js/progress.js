// Follows long work (an import, a report) over SSE. EventSource reconnects by itself, to any
// web instance; each event carries the whole work, so a missed one costs nothing. The page
// holds the progress bar, the stage, the message and the error box under the ids below;
// what a finished work leads to is the caller's.
export function followProgress(root, { events, eventName, succeeded, failed = () => {} }) {
  const bar = document.getElementById('progress-bar');
  const percent = document.getElementById('progress-percent');
  const stage = document.getElementById('progress-stage');
  const message = document.getElementById('progress-message');
  const errorBox = document.getElementById('progress-error');

  // The stage's name from the page's message bundle where it has one, never the API's word
  // (EXTRACTING) where it does.
  const stageName = (view) => {
    // A finished job says so, not the last stage it passed (a report ended on STORING).
    const finished = view.state === 'SUCCEEDED' || view.state === 'FAILED';
    const word = finished ? view.state : (view.stage || view.state);
    return root.getAttribute(`data-msg-stage-${String(word).toLowerCase()}`) ?? word;
  };

  const show = (view) => {
    bar.value = view.percent;
    percent.textContent = `${view.percent}%`;
    stage.textContent = stageName(view);
    message.textContent = view.message || '';
    if (view.state === 'FAILED' && view.error) {
      document.getElementById('error-title').textContent = view.error.title;
      document.getElementById('error-detail').textContent = view.error.detail;
      document.getElementById('error-code').textContent = view.error.code;
      errorBox.hidden = false;
      failed(view);
    }
    if (view.state === 'SUCCEEDED') {
      succeeded(view);
    }
  };

  const source = new EventSource(events);
  source.addEventListener(eventName, (e) => {
    const view = JSON.parse(e.data);
    show(view);
    if (view.state === 'SUCCEEDED' || view.state === 'FAILED') {
      source.close();
    }
  });
}
