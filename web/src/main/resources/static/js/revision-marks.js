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

  function msg(name, arg) {
    var key = 'msg' + name.split('-').map(function (w) { return w.charAt(0).toUpperCase() + w.slice(1); }).join('');
    return (marks.dataset[key] || name).replace('{0}', arg);
  }

  function badge(text, className) {
    var b = document.createElement('span');
    b.className = 'badge';
    b.classList.add(className);
    b.textContent = text;
    return b;
  }

  window.ParleyRevisions = {
    decorate: function (li, comment) {
      if (comment.ledToRevision) {
        var led = document.createElement('p');
        led.className = 'led-to';
        led.classList.add('hint');
        led.textContent = msg('led-to', comment.ledToRevision);
        li.appendChild(led);
      }
      if (organiser && live > 1 && comment.revision < live && comment.ledToRevision !== live) {
        var button = document.createElement('button');
        button.type = 'button';
        button.className = 'led-to-button';
        button.classList.add('small', 'link');
        button.textContent = msg('mark-led-to', live);
        button.addEventListener('click', function () {
          Parley.send('PUT', '/api/comments/' + comment.id + '/led-to', { revision: live }).then(function () {
            var done = document.createElement('p');
            done.className = 'led-to';
            done.classList.add('hint');
            done.textContent = msg('led-to', live);
            button.replaceWith(done);
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
        where.appendChild(badge(msg('changed-in', live), 'changed-in'));
        if (seen > 0 && seen < live) {
          where.appendChild(badge(msg('changed-since-visit'), 'changed-mark'));
        }
      });
    });
  }).catch(function () { /* the page works without the marks */ });
}());
