// Uploads the chosen or dropped document with fetch, so the page can say what is happening, then
// moves to the import's own page, which the organiser can leave and reopen.
(function () {
  'use strict';
  var form = document.getElementById('upload-form');
  var input = document.getElementById('file');
  var zone = document.getElementById('drop-zone');
  var fileName = document.getElementById('file-name');
  var status = document.getElementById('upload-status');
  var errorBox = document.getElementById('upload-error');
  var button = document.getElementById('upload-button');
  var maxBytes = parseInt(form.getAttribute('data-max-bytes'), 10);
  var chosen = null;

  // Texts come from the page's message bundle, handed over in data-msg-* attributes.
  function msg(name) { return status.getAttribute('data-msg-' + name) || ''; }

  function showError(text) {
    errorBox.textContent = text;
    errorBox.hidden = false;
    status.textContent = '';
    button.disabled = false;
  }

  function choose(file) {
    chosen = file;
    errorBox.hidden = true;
    fileName.textContent = file ? file.name : '';
  }

  input.addEventListener('change', function () { choose(input.files[0] || null); });
  ['dragenter', 'dragover'].forEach(function (type) {
    zone.addEventListener(type, function (e) { e.preventDefault(); zone.classList.add('dragging'); });
  });
  ['dragleave', 'drop'].forEach(function (type) {
    zone.addEventListener(type, function (e) { e.preventDefault(); zone.classList.remove('dragging'); });
  });
  zone.addEventListener('drop', function (e) {
    if (e.dataTransfer && e.dataTransfer.files.length > 0) { choose(e.dataTransfer.files[0]); }
  });

  form.addEventListener('submit', function (e) {
    e.preventDefault();
    if (!chosen) { showError(msg('choose-first')); return; }
    if (chosen.size > maxBytes) {
      showError(msg('too-large'));
      return;
    }
    var data = new FormData();
    data.append('file', chosen, chosen.name);
    var title = document.getElementById('title').value;
    if (title) { data.append('title', title); }
    button.disabled = true;
    status.textContent = msg('submitting');
    Parley.startWork(form.action, data, function (id) { return '/imports/' + encodeURIComponent(id); },
      showError, { failed: msg('failed'), unreachable: msg('unreachable') });
  });
}());
