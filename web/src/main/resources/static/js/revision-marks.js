// Revisions on the discussion page: each section that changed in the published version is
// marked, and marked again if it changed since the reader's last visit (remembered in this
// browser); a comment that led to a change says so, and an organiser can say it.
(function () {
  'use strict';

  var marks = document.getElementById('revision-marks');
  var page = document.getElementById('discussion');
  if (!marks || !page) { return; }
  var discussion = page.dataset.discussionId;
  var organiser = marks.dataset.organiser === 'true';
  var api = '/api/discussions/' + discussion;
  var live = 1;

  function msg(key, arg) { return (marks.dataset[key] || key).replace('{0}', arg); }

  function badge(text, className) {
    var b = document.createElement('span');
    b.className = 'badge ' + className;
    b.textContent = text;
    return b;
  }

  window.ParleyRevisions = {
    decorate: function (li, comment) {
      if (comment.ledToRevision) {
        var led = document.createElement('p');
        led.className = 'led-to hint';
        led.textContent = msg('msgLedTo', comment.ledToRevision);
        li.appendChild(led);
      }
      if (organiser && live > 1 && comment.revision < live && comment.ledToRevision !== live) {
        var button = document.createElement('button');
        button.type = 'button';
        button.className = 'small link led-to-button';
        button.textContent = msg('msgMarkLedTo', live);
        button.addEventListener('click', function () {
          Parley.send('PUT', '/api/comments/' + comment.id + '/led-to', { revision: live }).then(function () {
            button.replaceWith(Object.assign(document.createElement('p'),
              { className: 'led-to hint', textContent: msg('msgLedTo', live) }));
          });
        });
        li.appendChild(button);
      }
    }
  };

  Parley.send('GET', api + '/revisions').then(function (revisions) {
    var published = revisions.filter(function (r) { return r.state === 'PUBLISHED'; });
    if (!published.length) { return null; }
    live = published[published.length - 1].revision;
    var key = 'parley.seen.' + discussion;
    var seen = parseInt(window.localStorage.getItem(key) || '0', 10);
    window.localStorage.setItem(key, String(live));
    if (live === 1) { return null; }
    return Promise.all([Parley.send('GET', api + '/sections'), Parley.send('GET', api + '/revisions/' + live + '/matches'),
      Parley.send('GET', api + '/revisions/' + live + '/matches?unit=SECTION')]).then(function (all) {
      var sectionOf = {};
      all[0].forEach(function (s) {
        sectionOf[s.id] = s.number;
        s.paragraphs.forEach(function (p) { sectionOf[p.id] = s.number; });
      });
      var changed = {};
      all[1].concat(all[2]).forEach(function (m) {
        if (m.kind !== 'UNCHANGED' && m.to && sectionOf[m.to]) { changed[sectionOf[m.to]] = true; }
      });
      Object.keys(changed).forEach(function (number) {
        var section = document.getElementById('section-' + number);
        if (!section) { return; }
        var where = section.querySelector('.section-number');
        where.appendChild(badge(msg('msgChangedIn', live), 'changed-in'));
        if (seen > 0 && seen < live) {
          where.appendChild(badge(msg('msgChangedSinceVisit'), 'changed-mark'));
        }
      });
    });
  }).catch(function () { /* the page works without the marks */ });
}());
