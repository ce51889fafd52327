/*
 * The operator page: topics, consumer-group lag, throughput, dead letters, and the replay of dead letters.
 * One page, no framework, no build step; refreshed every 5 seconds.
 *
 * Security rule of this file: anything read from Kafka (topic names, keys, values, exception messages) reaches the
 * DOM only through text nodes and textContent, never through innerHTML. Nothing in this file uses innerHTML.
 */
'use strict';

(function () {
  const CONSOLE_HEADERS = { 'X-Modstream-Console': '1' };
  const LOGIN_PAGE = '/console/login.html';
  const REFRESH_MS = 5000;
  const SVG = 'http://www.w3.org/2000/svg';
  const COLOURS = ['#1d4f91', '#a1261b', '#1e6b3a', '#8a5a00', '#6b3fa0', '#0f7c8c', '#9c3d75', '#5c636e'];
  const CHART_LINES = COLOURS.length;

  // ---------------------------------------------------------------- helpers

  const { csrfToken, el } = window.ModstreamDom;

  function svg(tag, attributes) {
    const node = document.createElementNS(SVG, tag);
    for (const [name, value] of Object.entries(attributes || {})) {
      node.setAttribute(name, String(value));
    }
    return node;
  }

  function number(value) {
    return Number(value).toLocaleString('en');
  }

  function time(value) {
    if (!value) {
      return '';
    }
    const date = new Date(typeof value === 'number' ? value * 1000 : value);
    return Number.isNaN(date.getTime()) ? String(value) : date.toISOString().replace('T', ' ').replace(/\.\d+Z$/, 'Z');
  }

  class ApiError extends Error {
    constructor(status, detail) {
      super(detail || 'HTTP ' + status);
      this.status = status;
    }
  }

  async function api(path, options) {
    const response = await fetch(path, {
      credentials: 'same-origin',
      cache: 'no-store',
      ...options,
      headers: { ...CONSOLE_HEADERS, Accept: 'application/json', ...((options && options.headers) || {}) },
    });
    if (response.status === 401) {
      // Reload the page itself: the server sends it to the sign-in form and back here afterwards.
      window.location.assign('/ops/');
      throw new ApiError(401, 'Signed out.');
    }
    const text = await response.text();
    let body = null;
    try {
      body = text ? JSON.parse(text) : null;
    } catch (e) {
      body = null;
    }
    if (!response.ok) {
      throw new ApiError(response.status, body && body.detail ? body.detail : 'HTTP ' + response.status);
    }
    return body;
  }

  function replaceRows(tbody, rows) {
    tbody.replaceChildren(...rows);
  }

  // ---------------------------------------------------------------- topics and groups

  function renderTopics(topics) {
    const rows = topics.map((topic) => el('tr', { 'data-topic': topic.name },
      el('td', {}, topic.name),
      el('td', {}, topic.compacted ? 'compacted' : 'deleted by age'),
      el('td', { className: 'num' }, topic.partitions.length),
      el('td', { className: 'offsets' },
        topic.partitions.map((p) => p.partition + ': ' + number(p.endOffset)).join('  ·  ')),
      el('td', { className: 'num' }, number(topic.endOffsetTotal))));
    if (rows.length === 0) {
      rows.push(el('tr', {}, el('td', { colspan: 5, className: 'empty' }, 'No topics yet.')));
    }
    replaceRows(document.querySelector('#topics tbody'), rows);
  }

  function renderGroups(groups) {
    const rows = groups.map((group) => el('tr', { 'data-group': group.groupId },
      el('td', {}, group.groupId),
      el('td', {}, group.state.toLowerCase()),
      el('td', { className: 'num' + (group.totalLag > 0 ? ' lagging' : '') }, number(group.totalLag)),
      el('td', { className: 'offsets' }, group.partitions
        .map((p) => p.topic + '-' + p.partition + ': ' + number(p.lag) + ' (' + number(p.committed) + ' / '
          + number(p.endOffset) + ')')
        .join('\n'))));
    if (rows.length === 0) {
      rows.push(el('tr', {}, el('td', { colspan: 4, className: 'empty' }, 'No consumer groups.')));
    }
    replaceRows(document.querySelector('#groups tbody'), rows);
  }

  // ---------------------------------------------------------------- the chart

  /** Draws the busiest topics' rates as lines in an inline SVG; quiet topics are left out of the picture. */
  function renderChart(series) {
    const width = 720;
    const height = 180;
    const left = 44;
    const bottom = 20;
    const plotWidth = width - left - 8;
    const plotHeight = height - bottom - 8;
    const times = series.times || [];
    const topics = Object.entries(series.perSecond || {})
      .map(([topic, rates]) => ({ topic, rates, peak: Math.max(0, ...rates) }))
      .sort((a, b) => b.peak - a.peak || a.topic.localeCompare(b.topic))
      .slice(0, CHART_LINES);
    const peak = Math.max(1, ...topics.map((t) => t.peak));
    const span = Math.max(1, times.length - 1);

    const chart = svg('svg', {
      id: 'throughput-chart',
      viewBox: '0 0 ' + width + ' ' + height,
      preserveAspectRatio: 'none',
      role: 'img',
      'aria-label': 'Records per second per topic over the last minutes',
    });
    chart.append(svg('line', { class: 'axis', x1: left, y1: 8, x2: left, y2: 8 + plotHeight }));
    chart.append(svg('line', { class: 'axis', x1: left, y1: 8 + plotHeight, x2: width - 8, y2: 8 + plotHeight }));
    const top = svg('text', { class: 'label', x: left - 4, y: 16, 'text-anchor': 'end' });
    top.textContent = peak >= 100 ? Math.round(peak) : peak.toFixed(1);
    const zero = svg('text', { class: 'label', x: left - 4, y: 8 + plotHeight, 'text-anchor': 'end' });
    zero.textContent = '0';
    chart.append(top, zero);
    if (times.length > 0) {
      const first = svg('text', { class: 'label', x: left, y: height - 4 });
      first.textContent = time(times[0]).slice(11, 19);
      const last = svg('text', { class: 'label', x: width - 8, y: height - 4, 'text-anchor': 'end' });
      last.textContent = time(times[times.length - 1]).slice(11, 19);
      chart.append(first, last);
    }

    const legend = [];
    topics.forEach((entry, i) => {
      const colour = COLOURS[i % COLOURS.length];
      if (entry.rates.length > 0) {
        const points = entry.rates.map((rate, j) => {
          const x = left + (times.length === 1 ? plotWidth : (j / span) * plotWidth);
          const y = 8 + plotHeight - (rate / peak) * plotHeight;
          return x.toFixed(1) + ',' + y.toFixed(1);
        });
        const line = svg('polyline', { class: 'line', points: points.join(' '), stroke: colour });
        line.setAttribute('data-topic', entry.topic);
        chart.append(line);
      }
      const latest = entry.rates.length ? entry.rates[entry.rates.length - 1] : 0;
      const swatch = el('span', { className: 'swatch' });
      swatch.style.background = colour;
      legend.push(el('li', {}, swatch, entry.topic + ' ' + latest + '/s'));
    });
    document.getElementById('chart').replaceChildren(chart);
    const legendList = document.getElementById('chart-legend');
    if (times.length === 0) {
      legend.push(el('li', { className: 'empty' }, 'The first samples arrive within 10 seconds.'));
    }
    legendList.replaceChildren(...legend);
  }

  // ---------------------------------------------------------------- dead letters

  function renderLetter(letter) {
    const where = [];
    if (letter.originalTopic) {
      where.push('from ' + letter.originalTopic + '-' + letter.originalPartition + '@' + letter.originalOffset);
    }
    where.push('key ' + (letter.key === null ? '(none)' : letter.key));
    where.push('at ' + time(letter.timestamp));
    where.push(letter.replayed ? 'replayed' : 'not replayed');
    if (letter.timesReplayedBefore > 0) {
      where.push('replayed ' + letter.timesReplayedBefore + '× before');
    }
    let value = letter.value === null ? '(null value)' : letter.value;
    if (letter.valueBytes > value.length && letter.value !== null) {
      value += '\n… (' + number(letter.valueBytes) + ' bytes in all)';
    }
    const cause = letter.exceptionClass || letter.exceptionMessage
      ? el('p', { className: 'cause' },
        el('span', { className: 'cause-class' }, (letter.exceptionClass || '').split('.').pop()),
        letter.exceptionMessage ? ': ' + letter.exceptionMessage : '')
      : el('p', { className: 'cause' }, 'No cause recorded.');
    return el('li', {
      className: 'letter' + (letter.replayed ? ' replayed' : ''),
      'data-partition': letter.partition,
      'data-offset': letter.offset,
    }, cause, el('div', { className: 'letter-meta' }, where.join(' · ')), el('pre', { className: 'letter-value' }, value));
  }

  function renderDeadLetters(topics) {
    const blocks = topics.map((topic) => {
      const counts = number(topic.total) + (topic.countsCapped ? '+' : '') + ' in all · '
        + number(topic.pending) + (topic.countsCapped ? '+' : '') + ' not replayed';
      const head = el('div', { className: 'dlt-head' }, el('h3', {}, topic.topic), el('span', { className: 'dlt-counts' }, counts));
      if (topic.sourceTopic) {
        const button = el('button', { type: 'button', className: 'button replay', disabled: topic.pending === 0 },
          'Replay ' + number(topic.pending) + ' to ' + topic.sourceTopic);
        button.addEventListener('click', () => openReplay(topic));
        head.append(button);
      }
      const letters = topic.newest.length
        ? el('ol', { className: 'letters' }, ...topic.newest.map(renderLetter))
        : el('p', { className: 'empty' }, 'Empty.');
      return el('article', { className: 'dlt', 'data-topic': topic.topic }, head, letters);
    });
    if (blocks.length === 0) {
      blocks.push(el('p', { className: 'empty' }, 'No dead-letter topics on the broker.'));
    }
    document.getElementById('dead-letters').replaceChildren(...blocks);
  }

  // ---------------------------------------------------------------- replay

  const replay = { topic: null, pending: 0 };

  function openReplay(topic) {
    replay.topic = topic.topic;
    replay.pending = topic.pending;
    const dialog = document.getElementById('replay-dialog');
    document.getElementById('replay-summary').textContent = 'Send the ' + number(topic.pending)
      + ' records of ' + topic.topic + ' that were not replayed yet back to ' + topic.sourceTopic
      + '. Each is sent once, with its key and value as they are.';
    const input = document.getElementById('replay-confirm');
    input.value = '';
    const result = document.getElementById('replay-result');
    result.hidden = true;
    document.getElementById('replay-submit').disabled = true;
    dialog.showModal();
    input.focus();
  }

  function startReplayDialog() {
    const dialog = document.getElementById('replay-dialog');
    const input = document.getElementById('replay-confirm');
    const submit = document.getElementById('replay-submit');
    const result = document.getElementById('replay-result');
    input.addEventListener('input', () => {
      submit.disabled = input.value !== replay.topic;
    });
    document.getElementById('replay-cancel').addEventListener('click', () => dialog.close());
    document.getElementById('replay-form').addEventListener('submit', async (event) => {
      event.preventDefault();
      if (input.value !== replay.topic) {
        return;
      }
      submit.disabled = true;
      try {
        const answer = await api('/api/v1/ops/dead-letters/' + encodeURIComponent(replay.topic) + '/replay', {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', 'X-XSRF-TOKEN': csrfToken() },
          body: JSON.stringify({ confirm: input.value, expected: replay.pending }),
        });
        result.textContent = 'Replayed ' + number(answer.replayed) + ' records.';
        result.className = 'replay-result ok';
      } catch (e) {
        result.textContent = 'Nothing was replayed: ' + e.message;
        result.className = 'replay-result error';
      }
      result.hidden = false;
      refresh();
    });
  }

  // ---------------------------------------------------------------- refresh

  async function refresh() {
    const parts = [
      ['topics', '/api/v1/ops/topics', renderTopics],
      ['consumer groups', '/api/v1/ops/consumer-groups', renderGroups],
      ['throughput', '/api/v1/ops/throughput', renderChart],
      ['dead letters', '/api/v1/ops/dead-letters?newest=10', renderDeadLetters],
    ];
    // Each part is drawn as soon as it arrives: one slow answer (a broker call that waits for its timeout) must not
    // keep the others off the page.
    const failures = [];
    await Promise.allSettled(
      parts.map(([name, path, render]) =>
        api(path).then(render, (e) => {
          failures.push(name + ': ' + e.message);
        }),
      ),
    );
    const refreshed = document.getElementById('refreshed');
    const message = document.getElementById('message');
    refreshed.textContent = 'Updated ' + new Date().toLocaleTimeString('en-GB');
    refreshed.setAttribute('data-state', failures.length ? 'error' : 'live');
    message.textContent = failures.length ? 'Could not load ' + failures.join('; ') : '';
    message.className = 'message' + (failures.length ? ' error' : '');
  }

  async function start() {
    startReplayDialog();
    document.getElementById('sign-out').addEventListener('click', async () => {
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
    try {
      const me = await api('/api/v1/me');
      document.getElementById('whoami').textContent = me.username;
    } catch (e) {
      document.getElementById('message').textContent = 'Could not load your account: ' + e.message;
    }
    await refresh();
    setInterval(refresh, REFRESH_MS);
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start);
  } else {
    start();
  }
})();
