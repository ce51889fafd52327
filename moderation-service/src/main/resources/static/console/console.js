/*
 * The moderators' console: one page, no framework, no build step.
 *
 * Security rule of this file: text written by commenters (body, names, thread titles, excerpts) reaches the DOM
 * only through text nodes and textContent, never through innerHTML. Nothing in this file uses innerHTML.
 */
'use strict';

(function () {
  const CONSOLE_HEADERS = { 'X-Modstream-Console': '1' };
  const LOGIN_PAGE = '/console/login.html';
  const PAGE_SIZE = 50;

  // ---------------------------------------------------------------- shared helpers

  const { csrfToken, el } = window.ModstreamDom;

  function toDate(value) {
    if (value === null || value === undefined) {
      return null;
    }
    if (typeof value === 'number') {
      // Epoch seconds (with fraction) or milliseconds.
      return new Date(value < 1e11 ? value * 1000 : value);
    }
    const date = new Date(value);
    return Number.isNaN(date.getTime()) ? null : date;
  }

  function age(value, now) {
    const date = toDate(value);
    if (!date) {
      return '';
    }
    const seconds = Math.max(0, Math.round((now - date.getTime()) / 1000));
    if (seconds < 60) {
      return seconds + ' s';
    }
    const minutes = Math.floor(seconds / 60);
    if (minutes < 60) {
      return minutes + ' min';
    }
    const hours = Math.floor(minutes / 60);
    if (hours < 48) {
      return hours + ' h';
    }
    return Math.floor(hours / 24) + ' d';
  }

  function formatTime(value) {
    const date = toDate(value);
    return date ? date.toLocaleString() : '';
  }

  // ---------------------------------------------------------------- the console

  class ApiError extends Error {
    constructor(status, problem) {
      super((problem && (problem.detail || problem.title)) || 'HTTP ' + status);
      this.status = status;
      this.problem = problem || {};
    }
  }

  async function api(path, options) {
    const init = {
      method: 'GET',
      credentials: 'same-origin',
      cache: 'no-store',
      headers: { Accept: 'application/json', ...CONSOLE_HEADERS },
      ...(options || {}),
    };
    if (init.body !== undefined) {
      init.method = init.method === 'GET' ? 'POST' : init.method;
      init.headers = { ...init.headers, 'Content-Type': 'application/json', 'X-XSRF-TOKEN': csrfToken() };
      init.body = JSON.stringify(init.body);
    }
    let response;
    try {
      response = await fetch(path, init);
    } catch (e) {
      throw new ApiError(0, { detail: 'The server cannot be reached.' });
    }
    if (response.status === 401) {
      window.location.assign(LOGIN_PAGE + '?expired');
      // Never settles: the page is going away.
      return new Promise(() => {});
    }
    const type = response.headers.get('Content-Type') || '';
    const body = type.includes('json') ? await response.json().catch(() => null) : null;
    if (!response.ok) {
      throw new ApiError(response.status, body);
    }
    return body;
  }

  function consolePage() {
    const ui = {
      connection: document.getElementById('connection'),
      message: document.getElementById('message'),
      whoami: document.getElementById('whoami'),
      signOut: document.getElementById('sign-out'),
      site: document.getElementById('filter-site'),
      reason: document.getElementById('filter-reason'),
      queue: document.getElementById('queue'),
      count: document.getElementById('queue-count'),
      empty: document.getElementById('queue-empty'),
      loadMore: document.getElementById('load-more'),
      detail: document.getElementById('detail'),
      detailEmpty: document.getElementById('detail-empty'),
      detailBody: document.getElementById('detail-body'),
      thread: document.getElementById('detail-thread'),
      meta: document.getElementById('detail-meta'),
      text: document.getElementById('detail-text'),
      reasons: document.getElementById('detail-reasons'),
      policy: document.getElementById('detail-policy'),
      decisionReason: document.getElementById('decision-reason'),
      note: document.getElementById('decision-note'),
      approve: document.getElementById('approve'),
      reject: document.getElementById('reject'),
      author: document.getElementById('author-body'),
      help: document.getElementById('help'),
    };

    const KNOWN_REASONS = [
      'SUSPECT_TERM', 'BANNED_TERM', 'LINK', 'EMAIL', 'PII', 'MARKUP', 'PATTERN', 'SPAM', 'DUPLICATE', 'FLOOD',
      'UNICODE', 'LENGTH', 'AUTHOR_BANNED', 'AUTHOR_SUSPENDED', 'PREMODERATED', 'NEW_AUTHOR',
    ];

    const state = {
      me: null,
      items: [], // held comments in queue order, oldest first
      total: 0,
      page: 0,
      selected: null, // key of the selected item
      marked: new Set(), // keys marked for a bulk decision
      busy: new Set(), // keys with a decision in flight
      loading: null, // the reload in flight, if any
      pendingEvents: [], // stream events that arrived during a reload
      events: null,
      detailRequest: 0,
    };

    const key = (item) => item.siteId + '\u0000' + item.commentId;
    const optionId = (k) => 'item-' + Array.from(k, (c) => c.charCodeAt(0).toString(16)).join('');
    const findIndex = (k) => state.items.findIndex((item) => key(item) === k);

    // -------------------------------------------------------------- status line

    /** The status line's second half: the outcome of the last action, or an error. */
    function setStatus(text, kind) {
      ui.message.textContent = text;
      ui.message.dataset.kind = kind || 'info';
    }

    /** The status line's first half: whether live updates are arriving. */
    function setConnection(text, kind) {
      ui.connection.textContent = text;
      ui.connection.dataset.state = kind;
    }

    // -------------------------------------------------------------- queue list

    function matchesFilters(item) {
      if (state.me && Array.isArray(state.me.sites) && !state.me.sites.includes(item.siteId)) {
        return false;
      }
      if (ui.site.value && item.siteId !== ui.site.value) {
        return false;
      }
      if (ui.reason.value && !(item.reasons || []).some((r) => r.code === ui.reason.value)) {
        return false;
      }
      return true;
    }

    function heldTime(item) {
      const date = toDate(item.heldAt) || toDate(item.submittedAt);
      return date ? date.getTime() : 0;
    }

    function addItem(item) {
      if (!item || !item.commentId || !matchesFilters(item) || findIndex(key(item)) >= 0) {
        return false;
      }
      // Oldest first: insert after every item held at the same time or earlier.
      const time = heldTime(item);
      let at = state.items.length;
      while (at > 0 && heldTime(state.items[at - 1]) > time) {
        at--;
      }
      state.items.splice(at, 0, item);
      state.total++;
      return true;
    }

    /** Removes an item; if it was selected, the one after it (or else before it) is selected. */
    function removeItem(k) {
      const index = findIndex(k);
      if (index < 0) {
        return false;
      }
      state.items.splice(index, 1);
      state.total = Math.max(state.items.length, state.total - 1);
      state.marked.delete(k);
      if (state.selected === k) {
        const next = state.items[Math.min(index, state.items.length - 1)];
        state.selected = next ? key(next) : null;
        showDetail();
      }
      return true;
    }

    function renderQueue() {
      const now = Date.now();
      const rows = state.items.map((item) => {
        const k = key(item);
        const selected = k === state.selected;
        const codes = Array.from(new Set((item.reasons || []).map((r) => r.code)));
        const row = el('li', {
          id: optionId(k),
          role: 'option',
          className: 'queue-item' + (state.marked.has(k) ? ' marked' : '') + (state.busy.has(k) ? ' busy' : ''),
          'aria-selected': selected ? 'true' : 'false',
          'data-comment-id': item.commentId,
          'data-site-id': item.siteId,
        },
          el('span', { className: 'queue-line' },
            el('span', { className: 'queue-author' }, (item.author && item.author.name) || '(no name)'),
            el('span', { className: 'queue-age', title: 'Held ' + formatTime(item.heldAt) }, age(item.heldAt || item.submittedAt, now))),
          el('span', { className: 'queue-line queue-sub' },
            el('span', { className: 'queue-site' }, item.siteId),
            el('span', { className: 'queue-excerpt' }, excerpt(item.body))),
          el('span', { className: 'badges' }, ...codes.map((code) => el('span', { className: 'badge' }, code)),
            state.marked.has(k) ? el('span', { className: 'badge badge-marked' }, 'marked') : null));
        row.addEventListener('click', () => select(k, true));
        return row;
      });
      ui.queue.replaceChildren(...rows);
      ui.queue.setAttribute('aria-activedescendant', state.selected ? optionId(state.selected) : '');
      ui.count.textContent = String(state.total);
      ui.empty.hidden = state.items.length > 0;
      ui.loadMore.hidden = state.items.length >= state.total;
      const current = state.selected && document.getElementById(optionId(state.selected));
      if (current) {
        current.scrollIntoView({ block: 'nearest' });
      }
    }

    function excerpt(text) {
      const flat = String(text || '').replace(/\s+/g, ' ').trim();
      return flat.length > 90 ? flat.slice(0, 89) + '…' : flat;
    }

    function select(k, focusList) {
      if (state.selected !== k) {
        state.selected = k;
        showDetail();
      }
      renderQueue();
      if (focusList) {
        ui.queue.focus();
      }
    }

    function move(delta) {
      if (state.items.length === 0) {
        return;
      }
      const index = state.selected ? findIndex(state.selected) : -1;
      const next = Math.max(0, Math.min(state.items.length - 1, index < 0 ? 0 : index + delta));
      select(key(state.items[next]), false);
    }

    // -------------------------------------------------------------- detail

    /**
     * The body as text nodes, with every reason's span in a <mark>. Overlapping spans split the text into
     * pieces; each piece is marked with all the reasons that cover it.
     */
    function highlighted(body, reasons) {
      const text = String(body || '');
      const spans = (reasons || [])
        .map((r) => ({ start: Math.max(0, Math.min(text.length, r.start | 0)), end: Math.max(0, Math.min(text.length, r.end | 0)), reason: r }))
        .filter((s) => s.end > s.start);
      const cuts = new Set([0, text.length]);
      for (const s of spans) {
        cuts.add(s.start);
        cuts.add(s.end);
      }
      const points = Array.from(cuts).sort((a, b) => a - b);
      const fragment = document.createDocumentFragment();
      for (let i = 0; i + 1 < points.length; i++) {
        const from = points[i];
        const to = points[i + 1];
        const piece = document.createTextNode(text.slice(from, to));
        const covering = spans.filter((s) => s.start <= from && s.end >= to);
        if (covering.length === 0) {
          fragment.append(piece);
        } else {
          const mark = el('mark', {
            title: covering.map((s) => s.reason.message || s.reason.code).join('\n'),
            'data-codes': covering.map((s) => s.reason.code).join(' '),
            className: covering.length > 1 ? 'overlap' : null,
          });
          mark.append(piece);
          fragment.append(mark);
        }
      }
      return fragment;
    }

    function selectedItem() {
      const index = state.selected ? findIndex(state.selected) : -1;
      return index >= 0 ? state.items[index] : null;
    }

    function showDetail() {
      const item = selectedItem();
      ui.detailEmpty.hidden = !!item;
      ui.detailBody.hidden = !item;
      ui.decisionReason.value = '';
      ui.note.value = '';
      if (!item) {
        return;
      }
      const now = Date.now();
      ui.thread.textContent = item.threadTitle || 'Thread ' + (item.threadId || '(unknown)');
      ui.meta.replaceChildren(
        el('strong', {}, (item.author && item.author.name) || '(no name)'),
        ' · ' + item.siteId + ' · submitted ',
        el('time', { datetime: item.submittedAt }, formatTime(item.submittedAt)),
        ' · held ' + age(item.heldAt || item.submittedAt, now) + ' ago');
      ui.text.replaceChildren(highlighted(item.body, item.reasons));
      ui.reasons.replaceChildren(...(item.reasons || []).map((r) => {
        const whole = !(r.end > r.start);
        return el('li', {},
          el('span', { className: 'badge' }, r.code), ' ', r.message || '',
          whole ? el('span', { className: 'hint' }, ' (whole comment)') : null);
      }));
      ui.policy.textContent = item.policyVersion ? 'Policy ' + item.policyVersion : '';
      loadAuthor(item);
    }

    async function loadAuthor(item) {
      const request = ++state.detailRequest;
      ui.author.replaceChildren(el('p', { className: 'meta' }, 'Loading…'));
      try {
        const detail = await api('/api/v1/sites/' + encodeURIComponent(item.siteId) + '/queue/'
          + encodeURIComponent(item.commentId));
        if (request !== state.detailRequest) {
          return;
        }
        ui.author.replaceChildren(authorView(item, detail && detail.author));
      } catch (e) {
        if (request !== state.detailRequest) {
          return;
        }
        ui.author.replaceChildren(el('p', { className: 'meta' },
          e.status === 404 ? 'This comment is no longer in the queue.' : 'Author history unavailable: ' + e.message));
      }
    }

    function authorView(item, author) {
      const fragment = document.createDocumentFragment();
      if (!author) {
        fragment.append(el('p', { className: 'meta' }, 'No history.'));
        return fragment;
      }
      fragment.append(el('p', { className: 'author-name' },
        el('strong', {}, (item.author && item.author.name) || '(no name)'),
        el('span', { className: 'hint' }, ' ' + (author.authorId || (item.author && item.author.id) || ''))));
      fragment.append(el('dl', { className: 'counts' },
        el('div', {}, el('dt', {}, 'Approved'), el('dd', {}, String(author.approved ?? 0))),
        el('div', {}, el('dt', {}, 'Rejected'), el('dd', {}, String(author.rejected ?? 0))),
        el('div', {}, el('dt', {}, 'Held'), el('dd', {}, String(author.held ?? 0)))));
      const standing = author.standing || {};
      const flags = [];
      if (standing.banned) {
        flags.push(el('span', { className: 'flag flag-bad' }, 'banned'));
      }
      const suspended = toDate(standing.suspendedUntil);
      if (suspended && suspended.getTime() > Date.now()) {
        flags.push(el('span', { className: 'flag flag-bad' }, 'suspended until ' + suspended.toLocaleString()));
      }
      if (standing.premoderated) {
        flags.push(el('span', { className: 'flag flag-warn' }, 'premoderated'));
      }
      if (standing.trusted) {
        flags.push(el('span', { className: 'flag flag-good' }, 'trusted'));
      }
      fragment.append(el('p', { className: 'flags' }, ...(flags.length ? flags : [el('span', { className: 'hint' }, 'In good standing')])));
      if (standing.note) {
        fragment.append(el('p', { className: 'standing-note' }, standing.note));
      }
      if (standing.changedBy) {
        fragment.append(el('p', { className: 'hint' },
          'Standing last changed by ' + standing.changedBy
            + (standing.changedAt ? ' on ' + formatTime(standing.changedAt) : '') + '.'));
      }
      const recent = Array.isArray(author.recent) ? author.recent : [];
      if (recent.length) {
        fragment.append(el('h4', { className: 'section-title' }, 'Recent comments'));
        fragment.append(el('ul', { className: 'recent' }, ...recent.map((r) => el('li', {},
          el('span', { className: 'verdict verdict-' + String(r.verdict || '').toLowerCase() }, r.verdict || ''),
          ' ', el('time', { datetime: r.at, className: 'hint' }, formatTime(r.at)), ' ',
          el('span', { className: 'recent-excerpt' }, r.excerpt || '')))));
      }
      return fragment;
    }

    // -------------------------------------------------------------- decisions

    function conflictMessage(problem, fallback) {
      if (problem && problem.decidedBy) {
        const action = String(problem.decidedAction || 'decided').toLowerCase();
        const verb = action === 'approve' ? 'approved' : action === 'reject' ? 'rejected' : action;
        return 'Already ' + verb + ' by ' + problem.decidedBy + '.';
      }
      return fallback;
    }

    async function decide(action) {
      const item = selectedItem();
      if (!item) {
        setStatus('Nothing selected.', 'error');
        return;
      }
      const k = key(item);
      if (state.busy.has(k)) {
        return;
      }
      const body = { action };
      const reason = ui.decisionReason.value.trim();
      const note = ui.note.value.trim();
      if (reason) {
        body.reason = reason;
      }
      if (note) {
        body.note = note;
      }
      state.busy.add(k);
      renderQueue();
      try {
        await api('/api/v1/sites/' + encodeURIComponent(item.siteId) + '/queue/' + encodeURIComponent(item.commentId)
          + '/decision', { method: 'POST', body });
        removeItem(k);
        setStatus((action === 'APPROVE' ? 'Approved' : 'Rejected') + ' the comment by '
          + ((item.author && item.author.name) || 'an unnamed author') + '.', 'ok');
      } catch (e) {
        if (e.status === 409) {
          removeItem(k);
          setStatus(conflictMessage(e.problem, e.message), 'error');
        } else if (e.status === 404) {
          removeItem(k);
          setStatus('That comment is no longer in the queue.', 'error');
        } else {
          setStatus('Could not save the decision: ' + e.message, 'error');
        }
      } finally {
        state.busy.delete(k);
        renderQueue();
      }
    }

    function toggleMark() {
      const item = selectedItem();
      if (!item) {
        return;
      }
      const k = key(item);
      if (state.marked.has(k)) {
        state.marked.delete(k);
      } else {
        state.marked.add(k);
      }
      renderQueue();
      setStatus(state.marked.size + ' marked for a bulk decision.', 'info');
    }

    async function decideMarked(action) {
      const marked = state.items.filter((item) => state.marked.has(key(item)) && !state.busy.has(key(item)));
      if (marked.length === 0) {
        setStatus('Nothing marked: press x on a comment first.', 'error');
        return;
      }
      const verb = action === 'APPROVE' ? 'Approve' : 'Reject';
      if (!window.confirm(verb + ' ' + marked.length + ' marked comment' + (marked.length === 1 ? '' : 's') + '?')) {
        return;
      }
      const reason = ui.decisionReason.value.trim();
      const note = ui.note.value.trim();
      const bySite = new Map();
      for (const item of marked) {
        bySite.set(item.siteId, [...(bySite.get(item.siteId) || []), item]);
        state.busy.add(key(item));
      }
      renderQueue();
      let decided = 0;
      const problems = [];
      for (const [siteId, items] of bySite) {
        const body = { commentIds: items.map((item) => item.commentId), action };
        if (reason) {
          body.reason = reason;
        }
        if (note) {
          body.note = note;
        }
        try {
          const answer = await api('/api/v1/sites/' + encodeURIComponent(siteId) + '/decisions', { method: 'POST', body });
          for (const result of (answer && answer.results) || []) {
            const k = siteId + '\u0000' + result.commentId;
            if (result.status === 'DECIDED') {
              decided++;
            } else if (result.status === 'CONFLICT') {
              problems.push(conflictMessage({ decidedBy: result.decidedBy, decidedAction: result.action }, 'Conflict.'));
            }
            removeItem(k);
          }
        } catch (e) {
          problems.push(siteId + ': ' + e.message);
        } finally {
          items.forEach((item) => state.busy.delete(key(item)));
        }
      }
      renderQueue();
      setStatus(verb.replace(/e$/, '') + 'ed ' + decided + '.' + (problems.length ? ' ' + problems.join(' ') : ''),
        problems.length ? 'error' : 'ok');
    }

    // -------------------------------------------------------------- loading and live events

    function queuePath(page) {
      const params = new URLSearchParams({ page: String(page), size: String(PAGE_SIZE) });
      if (ui.site.value) {
        params.set('site', ui.site.value);
      }
      if (ui.reason.value) {
        params.set('reason', ui.reason.value);
      }
      return '/api/v1/queue?' + params;
    }

    /** Reloads the first page; stream events that arrive meanwhile are applied once it is in. */
    function reload() {
      const loading = (async () => {
        const answer = await api(queuePath(0));
        if (state.loading !== loading) {
          return; // a newer reload replaced this one
        }
        const items = (answer && answer.items) || [];
        state.items = [];
        state.total = 0;
        for (const item of items) {
          addItem(item);
        }
        state.total = Math.max(state.items.length, Number(answer && answer.total) || 0);
        state.page = 0;
        for (const event of state.pendingEvents.splice(0)) {
          applyEvent(event);
        }
        for (const k of Array.from(state.marked)) {
          if (findIndex(k) < 0) {
            state.marked.delete(k);
          }
        }
        if (!state.selected || findIndex(state.selected) < 0) {
          state.selected = state.items.length ? key(state.items[0]) : null;
          showDetail();
        }
        renderQueue();
      })();
      state.loading = loading;
      loading
        .catch((e) => setStatus('Could not load the queue: ' + e.message, 'error'))
        .finally(() => {
          if (state.loading === loading) {
            state.loading = null;
          }
        });
      return loading;
    }

    async function loadMore() {
      try {
        const answer = await api(queuePath(state.page + 1));
        state.page++;
        const before = state.total;
        for (const item of (answer && answer.items) || []) {
          addItem(item);
        }
        state.total = Math.max(state.items.length, Number(answer && answer.total) || before);
        renderQueue();
      } catch (e) {
        setStatus('Could not load more: ' + e.message, 'error');
      }
    }

    function applyEvent(event) {
      if (event.type === 'held') {
        if (addItem(event.data)) {
          if (!state.selected) {
            state.selected = key(event.data);
            showDetail();
          }
          return true;
        }
      } else if (event.type === 'decided') {
        return removeItem(event.data.siteId + '\u0000' + event.data.commentId);
      }
      return false;
    }

    function onStreamEvent(type, message) {
      let data;
      try {
        data = JSON.parse(message.data);
      } catch (e) {
        return;
      }
      const event = { type, data };
      if (state.loading) {
        state.pendingEvents.push(event);
        return;
      }
      if (applyEvent(event)) {
        renderQueue();
      }
    }

    let retryDelay = 1000;
    function connect() {
      const events = new EventSource('/api/v1/queue/events');
      state.events = events;
      events.addEventListener('open', () => {
        retryDelay = 1000;
        setConnection('Live', 'live');
        // What happened while not connected shows only in the list: fetch it again. Also on the first open, so
        // nothing held between the first load and the start of the stream is missed.
        reload();
      });
      events.addEventListener('held', (message) => onStreamEvent('held', message));
      events.addEventListener('decided', (message) => onStreamEvent('decided', message));
      events.addEventListener('error', async () => {
        if (events.readyState === EventSource.CONNECTING) {
          setConnection('Connection lost; reconnecting…', 'connecting');
          return;
        }
        // CLOSED: the browser gave up (an error status such as 401). Find out whether the session ended.
        setConnection('Offline; retrying in ' + Math.round(retryDelay / 1000) + ' s…', 'offline');
        try {
          await api('/api/v1/me');
        } catch (e) {
          // Still unreachable; keep retrying.
        }
        setTimeout(() => {
          if (state.events === events) {
            connect();
          }
        }, retryDelay);
        retryDelay = Math.min(retryDelay * 2, 30000);
      });
    }

    // -------------------------------------------------------------- keyboard

    function typing(target) {
      return target instanceof HTMLElement
        && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));
    }

    document.addEventListener('keydown', (event) => {
      if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) {
        return;
      }
      if (event.key === 'Escape') {
        if (typing(event.target)) {
          event.target.blur();
          ui.queue.focus();
          event.preventDefault();
        }
        return; // an open help dialog closes itself on Escape
      }
      if (typing(event.target) || event.isComposing) {
        return;
      }
      if (ui.help.open && event.key !== '?') {
        return; // the help is modal: only ? (or Escape) closes it
      }
      const actions = {
        j: () => move(1),
        ArrowDown: () => move(1),
        k: () => move(-1),
        ArrowUp: () => move(-1),
        a: () => decide('APPROVE'),
        r: () => decide('REJECT'),
        n: () => {
          if (selectedItem()) {
            ui.note.focus();
          }
        },
        x: () => toggleMark(),
        A: () => decideMarked('APPROVE'),
        R: () => decideMarked('REJECT'),
        '?': () => toggleHelp(),
      };
      const action = actions[event.key];
      if (action) {
        event.preventDefault();
        action();
      }
    });

    function toggleHelp() {
      if (ui.help.open) {
        ui.help.close();
      } else {
        ui.help.showModal();
      }
    }

    // -------------------------------------------------------------- wiring

    ui.approve.addEventListener('click', () => decide('APPROVE'));
    ui.reject.addEventListener('click', () => decide('REJECT'));
    ui.loadMore.addEventListener('click', loadMore);
    for (const select of [ui.site, ui.reason]) {
      select.addEventListener('change', () => {
        state.selected = null;
        state.marked.clear();
        reload();
      });
    }
    ui.signOut.addEventListener('click', async () => {
      if (state.events) {
        state.events.close();
        state.events = null;
      }
      try {
        await fetch('/logout', {
          method: 'POST',
          credentials: 'same-origin',
          headers: { ...CONSOLE_HEADERS, 'X-XSRF-TOKEN': csrfToken() },
        });
      } finally {
        window.location.assign(LOGIN_PAGE + '?signed-out');
      }
    });
    setInterval(renderQueue, 30000); // keep the ages current

    for (const code of KNOWN_REASONS) {
      ui.reason.append(el('option', { value: code }, code));
    }

    (async () => {
      try {
        state.me = await api('/api/v1/me');
      } catch (e) {
        setStatus('Could not load your account: ' + e.message, 'error');
        return;
      }
      const sites = (state.me && state.me.sites) || [];
      ui.whoami.textContent = state.me.username;
      ui.whoami.title = 'Signed in as ' + state.me.username + ' · sites: ' + sites.join(', ');
      for (const site of sites) {
        ui.site.append(el('option', { value: site }, site));
      }
      await reload();
      connect();
      if (!typing(document.activeElement)) {
        ui.queue.focus();
      }
    })();
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', consolePage);
  } else {
    consolePage();
  }
})();
