// Follows a report being made over SSE, as import-progress.js follows an import, then offers
// the file. Each event carries the whole report, so a missed one costs nothing.
(function () {
  'use strict';
  var root = document.getElementById('report');
  var id = root.getAttribute('data-report-id');
  var bar = document.getElementById('progress-bar');
  var percent = document.getElementById('progress-percent');
  var stage = document.getElementById('progress-stage');
  var message = document.getElementById('progress-message');
  var wait = document.getElementById('report-wait');
  var errorBox = document.getElementById('progress-error');
  var done = document.getElementById('progress-done');
  var link = document.getElementById('download-link');

  function show(view) {
    bar.value = view.percent;
    percent.textContent = view.percent + '%';
    stage.textContent = view.stage || view.state;
    message.textContent = view.message || '';
    if (view.state === 'FAILED' && view.error) {
      document.getElementById('error-title').textContent = view.error.title;
      document.getElementById('error-detail').textContent = view.error.detail;
      document.getElementById('error-code').textContent = view.error.code;
      errorBox.hidden = false;
      wait.hidden = true;
    }
    if (view.state === 'SUCCEEDED' && view.download) {
      link.href = view.download;
      done.hidden = false;
      wait.hidden = true;
      link.focus();
    }
  }

  var source = new EventSource('/api/reports/' + encodeURIComponent(id) + '/events');
  source.addEventListener('report', function (e) {
    var view = JSON.parse(e.data);
    show(view);
    if (view.state === 'SUCCEEDED' || view.state === 'FAILED') { source.close(); }
  });
}());
