// Keeps a KPI page current without reloading it: every 2 s, while the tab is visible, it asks the page's version
// endpoint (data-version-url on <main>) for the version of the data; once that differs from the version the page
// shows (data-version), it fetches the same page again and swaps in its <main>. The new markup carries its charts
// drawn inline as SVG from the new data, and their download links with the new version (?v=...). Without this
// script the page is the same, only as of its last load.
(function () {
    'use strict';

    var INTERVAL_MS = 2000;
    var main = document.querySelector('main[data-version][data-version-url]');
    if (!main || !window.fetch || !window.DOMParser) {
        return;
    }
    var versionUrl = main.getAttribute('data-version-url');
    var timer = null;
    var busy = false;

    function schedule() {
        if (timer === null && document.visibilityState === 'visible') {
            timer = setTimeout(poll, INTERVAL_MS);
        }
    }

    function poll() {
        timer = null;
        busy = true;
        fetch(versionUrl, { cache: 'no-store', headers: { Accept: 'application/json' } })
            .then(function (response) {
                return response.ok ? response.json() : null;
            })
            .then(function (answer) {
                if (answer && answer.version !== main.getAttribute('data-version')) {
                    return refresh();
                }
            })
            // the dashboard restarting or the network gone: the page stays as it is and asks again at the next tick
            .catch(function () {})
            .then(function () {
                busy = false;
                schedule();
            });
    }

    function refresh() {
        return fetch(window.location.href, { cache: 'no-store', headers: { Accept: 'text/html' } })
            .then(function (response) {
                return response.ok ? response.text() : null;
            })
            .then(function (html) {
                var fresh = html && new DOMParser().parseFromString(html, 'text/html').querySelector('main[data-version]');
                if (fresh) {
                    // the version of the markup swapped in, not the one polled: the files may have changed in between
                    main.setAttribute('data-version', fresh.getAttribute('data-version'));
                    main.innerHTML = fresh.innerHTML;
                }
            });
    }

    document.addEventListener('visibilitychange', function () {
        if (document.visibilityState === 'visible') {
            // back in view: catch up at once rather than after a full interval
            if (timer === null && !busy) {
                poll();
            }
        } else if (timer !== null) {
            clearTimeout(timer);
            timer = null;
        }
    });

    schedule();
}());
