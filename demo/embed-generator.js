// The embed-code generator (dist/demo/embed.html): builds the script-tag and iframe snippets
// for the chosen widget and options, previews them, and copies them with one button.
// Plain script, no inline code, so the page itself runs under a strict Content-Security-Policy.
(function () {
  'use strict';

  /** The folder that holds ops.js (this page is dist/demo/embed.html). */
  var BASE = new URL('../', location.href).href;
  var DATA = BASE + 'data/overseas-police-stations.json';
  var SANDBOX = 'allow-scripts allow-same-origin allow-popups allow-popups-to-escape-sandbox';
  /** The dataset's credit line (meta.credit, read once it loads), kept beside the link that outlives a stripped frame. */
  var credit = '';

  /**
   * The iframe's starting height per widget; each widget's title and fallback sentence come from
   * the registry of elements (../elements.json), as the WordPress plugin and the embed pages take them.
   */
  var WIDGETS = {
    'country-table': { height: 720 },
    'station-map': { height: 560 },
    'repatriation-timeline': { height: 640 },
    'source-card': { height: 240 },
  };
  Object.keys(WIDGETS).forEach(function (name) {
    WIDGETS[name].title = name;
    WIDGETS[name].fallback = '';
  });

  var form = document.getElementById('options');
  var scriptOut = document.getElementById('script-snippet');
  var iframeOut = document.getElementById('iframe-snippet');
  var urlOut = document.getElementById('url-snippet');
  var preview = document.getElementById('preview');
  var copied = document.getElementById('copied');
  var integrity = '';

  function escapeHtml(value) {
    return String(value).replace(/[&<>"]/g, function (c) {
      return { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' }[c];
    });
  }

  /** [name, value] pairs for the chosen widget; value null means a boolean attribute. */
  function attributes() {
    var data = new FormData(form);
    var widget = data.get('widget');
    var out = [];
    if (data.get('theme')) out.push(['theme', data.get('theme')]);
    if (data.get('lang')) out.push(['lang', data.get('lang')]);
    if (data.get('plain')) out.push(['plain', null]);
    if (widget === 'country-table' && data.get('sort')) out.push(['sort', data.get('sort')]);
    if (widget === 'station-map' && /^[a-z]{2}$/i.test(String(data.get('country') || '').trim()))
      out.push(['country', String(data.get('country')).trim().toUpperCase()]);
    if (widget === 'source-card') {
      var target = String(data.get('for') || '').trim();
      var source = String(data.get('source') || '').trim();
      if (target) out.push(['for', target]);
      else if (source) out.push(['source', source]);
    }
    String(data.get('extra') || '')
      .split(/\n+/)
      .forEach(function (line) {
        var m = /^\s*([a-z][a-z0-9-]*)\s*(?:=\s*(.*?))?\s*$/i.exec(line);
        if (!m) return;
        var name = m[1].toLowerCase();
        if (name.indexOf('on') === 0 || name === 'style' || name === 'widget') return;
        out = out.filter(function (a) {
          return a[0] !== name;
        });
        out.push([name, m[2] === undefined ? null : m[2]]);
      });
    return { widget: widget, attrs: out };
  }

  function scriptSnippet(choice) {
    var info = WIDGETS[choice.widget];
    var attrs = choice.attrs
      .map(function (a) {
        return ' ' + a[0] + (a[1] === null ? '' : '="' + escapeHtml(a[1]) + '"');
      })
      .join('');
    return (
      '<script src="' + BASE + 'ops.js"' + (integrity ? ' integrity="' + integrity + '" crossorigin="anonymous"' : '') + ' defer></script>\n' +
      // One line, the fallback as the element's own text: WordPress's classic editor (wpautop) splits
      // an element whose lines hold a <p>, leaving it empty and the fallback outside it.
      '<ops-' + choice.widget + attrs + '>' + escapeHtml(info.fallback) + ' <a href="' + DATA + '">Download the data (JSON)</a>.</ops-' + choice.widget + '>'
    );
  }

  function frameUrl(choice) {
    // Each widget has a page of its own (embed/<widget>/, which oEmbed consumers discover); options ride in the query.
    var query = new URLSearchParams();
    choice.attrs.forEach(function (a) {
      query.set(a[0], a[1] === null ? '' : a[1]);
    });
    var search = query.toString().replace(/=(&|$)/g, '$1');
    return BASE + 'embed/' + choice.widget + '/' + (search ? '?' + search : '');
  }

  function iframeSnippet(choice) {
    var info = WIDGETS[choice.widget];
    return (
      '<iframe data-ops-embed src="' + escapeHtml(frameUrl(choice)) + '" title="' + escapeHtml(info.title) + '"' +
      ' width="100%" height="' + info.height + '" frameborder="0" loading="lazy" referrerpolicy="no-referrer"' +
      ' sandbox="' + SANDBOX + '"></iframe>\n' +
      // Outside the frame: what readers keep where a CMS removes iframes (WordPress, for authors).
      '<p><a href="' + escapeHtml(frameUrl(choice)) + '">' + escapeHtml(info.title) + '</a>' + (credit ? ' (' + escapeHtml(credit) + ')' : '') + '</p>\n' +
      '<script src="' + BASE + 'embed/resize.js" async></script>'
    );
  }

  function renderPreview(choice) {
    var checked = document.querySelector('input[name="mode"]:checked');
    var mode = checked ? checked.value : 'script';
    preview.replaceChildren();
    if (mode === 'iframe') {
      var frame = document.createElement('iframe');
      frame.setAttribute('data-ops-embed', '');
      frame.src = frameUrl(choice);
      frame.title = WIDGETS[choice.widget].title;
      frame.height = String(WIDGETS[choice.widget].height);
      frame.setAttribute('referrerpolicy', 'no-referrer');
      frame.setAttribute('sandbox', SANDBOX);
      preview.append(frame);
      return;
    }
    var el = document.createElement('ops-' + choice.widget);
    choice.attrs.forEach(function (a) {
      el.setAttribute(a[0], a[1] === null ? '' : a[1]);
    });
    var p = document.createElement('p');
    p.textContent = WIDGETS[choice.widget].fallback + ' ';
    var link = document.createElement('a');
    link.href = DATA;
    link.textContent = 'Download the data (JSON)';
    p.append(link, '.');
    el.append(p);
    preview.append(el);
  }

  function update() {
    var choice = attributes();
    form.querySelectorAll('[data-for]').forEach(function (label) {
      label.hidden = label.getAttribute('data-for') !== choice.widget;
    });
    scriptOut.textContent = scriptSnippet(choice);
    iframeOut.textContent = iframeSnippet(choice);
    urlOut.textContent = frameUrl(choice);
    renderPreview(choice);
  }

  function copy(id) {
    var text = document.getElementById(id).textContent;
    var done = function () {
      copied.textContent = 'Copied.';
      setTimeout(function () {
        copied.textContent = '';
      }, 3000);
    };
    var fallback = function () {
      var range = document.createRange();
      range.selectNodeContents(document.getElementById(id));
      var selection = getSelection();
      selection.removeAllRanges();
      selection.addRange(range);
      try {
        if (document.execCommand('copy')) return done();
      } catch (e) {
        /* selected, so the reader can copy by hand */
      }
      copied.textContent = 'Selected: press Ctrl+C (⌘C) to copy.';
    };
    if (navigator.clipboard && window.isSecureContext) navigator.clipboard.writeText(text).then(done, fallback);
    else fallback();
  }

  function loadIntegrity() {
    return fetch(BASE + 'embed/integrity.json')
      .then(function (r) {
        if (!r.ok) throw new Error(r.status);
        return r.json();
      })
      .then(function (json) {
        integrity = json['ops.js'] || '';
      })
      .catch(function () {
        // No build manifest: hash ops.js here (crypto.subtle needs https or localhost).
        if (!(window.crypto && crypto.subtle)) return;
        return fetch(BASE + 'ops.js')
          .then(function (r) {
            return r.arrayBuffer();
          })
          .then(function (bytes) {
            return crypto.subtle.digest('SHA-384', bytes);
          })
          .then(function (digest) {
            integrity = 'sha384-' + btoa(String.fromCharCode.apply(null, new Uint8Array(digest)));
          });
      })
      .catch(function () {});
  }

  function loadStatic() {
    fetch(BASE + 'static/index.json')
      .then(function (r) {
        return r.ok ? r.json() : [];
      })
      .then(function (items) {
        if (!items.length) return;
        var list = document.getElementById('static-list');
        items.forEach(function (item) {
          var li = document.createElement('li');
          var a = document.createElement('a');
          a.href = BASE + 'static/' + item.file;
          var img = document.createElement('img');
          img.src = a.href;
          img.alt = item.alt;
          img.loading = 'lazy';
          a.append(img);
          var caption = document.createElement('p');
          caption.className = 'hint';
          caption.textContent = item.file + ' — alt: ' + item.alt;
          li.append(a, caption);
          list.append(li);
        });
        document.getElementById('static').hidden = false;
      })
      .catch(function () {});
  }

  function loadRegistry() {
    return fetch(BASE + 'elements.json')
      .then(function (r) {
        return r.ok ? r.json() : { elements: {} };
      })
      .then(function (registry) {
        Object.keys(WIDGETS).forEach(function (name) {
          var element = registry.elements[name];
          if (!element) return;
          WIDGETS[name].title = element.title;
          WIDGETS[name].fallback = element.fallback;
        });
      })
      .catch(function () {});
  }

  function loadCredit() {
    return fetch(DATA)
      .then(function (r) {
        return r.ok ? r.json() : {};
      })
      .then(function (json) {
        credit = (json.meta && json.meta.credit) || '';
      })
      .catch(function () {});
  }

  form.addEventListener('input', update);
  form.addEventListener('change', update);
  form.addEventListener('submit', function (e) {
    e.preventDefault();
  });
  document.querySelectorAll('input[name="mode"]').forEach(function (radio) {
    radio.addEventListener('change', update);
  });
  document.querySelectorAll('[data-copy]').forEach(function (button) {
    button.addEventListener('click', function () {
      copy(button.getAttribute('data-copy'));
    });
  });
  Promise.all([loadRegistry(), loadIntegrity(), loadCredit()]).then(update);
  loadStatic();
})();
