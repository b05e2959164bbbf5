// Follows an import over SSE. EventSource reconnects by itself, to any web instance; each event
// carries the whole import, so a missed one costs nothing.
(function () {
  'use strict';
  var root = document.getElementById('import');
  var id = root.getAttribute('data-import-id');
  var bar = document.getElementById('progress-bar');
  var percent = document.getElementById('progress-percent');
  var stage = document.getElementById('progress-stage');
  var message = document.getElementById('progress-message');
  var errorBox = document.getElementById('progress-error');
  var done = document.getElementById('progress-done');
  var link = document.getElementById('discussion-link');

  function show(view) {
    bar.value = view.percent;
    percent.textContent = view.percent + '%';
    // The stage's name from the page's message bundle, never the API's word (EXTRACTING).
    stage.textContent = root.getAttribute('data-msg-stage-' + String(view.stage || view.state).toLowerCase()) || '';
    message.textContent = view.message || '';
    if (view.state === 'FAILED' && view.error) {
      document.getElementById('error-title').textContent = view.error.title;
      document.getElementById('error-detail').textContent = view.error.detail;
      document.getElementById('error-code').textContent = view.error.code;
      errorBox.hidden = false;
    }
    if (view.state === 'SUCCEEDED' && view.discussionId) {
      link.href = '/discussions/' + encodeURIComponent(view.discussionId);
      done.hidden = false;
      window.setTimeout(function () { window.location.assign(link.href); }, 1500);
    }
  }

  var source = new EventSource('/api/imports/' + encodeURIComponent(id) + '/events');
  source.addEventListener('import', function (e) {
    var view = JSON.parse(e.data);
    show(view);
    if (view.state === 'SUCCEEDED' || view.state === 'FAILED') { source.close(); }
  });
}());
