// The demo site's comments: the published list (live over server-sent events), the form, and what became of the
// reader's own comment. Everything goes to /demo/api, this site's own backend; the site key never reaches the page.
'use strict';

(() => {
  const POLL_EVERY_MS = 1000;
  const POLL_FOR_MS = 30000;

  const list = document.getElementById('comment-list');
  const empty = document.getElementById('no-comments');
  const streamState = document.getElementById('stream-state');
  const form = document.getElementById('comment-form');
  const nameField = document.getElementById('comment-name');
  const bodyField = document.getElementById('comment-body');
  const submit = document.getElementById('comment-submit');
  const status = document.getElementById('comment-status');
  const statusText = document.getElementById('comment-status-text');
  const reasonList = document.getElementById('comment-reasons');
  const shown = new Set();
  let latestPost = 0;

  // Comments are shown as text (sanitizedText via textContent), never as HTML: Modstream's sanitizedHtml is safe
  // formatting, but text needs no trust at all and a news comment loses little without bold and italics.
  function commentElement(comment, fresh) {
    const item = document.createElement('li');
    item.className = fresh ? 'comment fresh' : 'comment';
    item.dataset.commentId = comment.id;
    const meta = document.createElement('p');
    meta.className = 'comment-meta';
    const author = document.createElement('span');
    author.className = 'comment-author';
    author.textContent = comment.authorName || 'Anonymous';
    meta.append(author);
    const when = comment.approvedAt || comment.submittedAt;
    if (when) {
      const time = document.createElement('time');
      time.dateTime = when;
      time.textContent = new Date(when).toLocaleString();
      meta.append(time);
    }
    const text = document.createElement('p');
    text.className = 'comment-text';
    text.textContent = comment.sanitizedText || '';
    item.append(meta, text);
    return item;
  }

  function show(comment, { newest, fresh }) {
    if (!comment || !comment.id || shown.has(comment.id)) {
      return;
    }
    shown.add(comment.id);
    const item = commentElement(comment, fresh);
    if (newest) {
      list.prepend(item);
    } else {
      list.append(item);
    }
    empty.hidden = true;
  }

  function listen() {
    const source = new EventSource('/demo/api/stream');
    source.addEventListener('open', () => {
      streamState.dataset.state = 'live';
      streamState.textContent = 'New comments appear here as they are published.';
    });
    source.addEventListener('comment', (event) => {
      show(JSON.parse(event.data), { newest: true, fresh: true });
    });
    source.addEventListener('error', () => {
      // EventSource reconnects by itself, sending Last-Event-ID so nothing published meanwhile is lost.
      streamState.dataset.state = 'reconnecting';
      streamState.textContent = 'Reconnecting to live comments…';
    });
  }

  async function loadPublished() {
    try {
      const response = await fetch('/demo/api/comments', { headers: { Accept: 'application/json' } });
      if (!response.ok) {
        return;
      }
      const page = await response.json();
      // Newest first, each after the last; any that arrived live meanwhile are already at the top.
      page.comments.forEach((comment) => show(comment, { newest: false, fresh: false }));
    } catch (ignored) {
      // The live stream still brings new comments.
    }
  }

  function say(state, text, reasons = []) {
    status.dataset.state = state;
    statusText.textContent = text;
    reasonList.replaceChildren(...[...new Set(reasons)].map((reason) => {
      const item = document.createElement('li');
      item.textContent = reason;
      return item;
    }));
  }

  function problemText(problem, httpStatus) {
    if (problem && Array.isArray(problem.errors) && problem.errors.length > 0) {
      return problem.errors.map((error) => `${fieldLabel(error.field)} ${error.message}.`);
    }
    if (problem && problem.detail) {
      return [problem.detail];
    }
    return [`The site could not take your comment (HTTP ${httpStatus}). Please try again.`];
  }

  function fieldLabel(field) {
    return { name: 'Your name', body: 'Your comment' }[field] || field;
  }

  const sleep = (ms) => new Promise((resolve) => { setTimeout(resolve, ms); });

  // Polls until the comment is decided, held, or it is time to stop; a newer post takes over the status line.
  async function follow(commentId, post) {
    const deadline = Date.now() + POLL_FOR_MS;
    while (Date.now() < deadline) {
      await sleep(POLL_EVERY_MS);
      if (post !== latestPost) {
        return;
      }
      let comment;
      try {
        const response = await fetch(`/demo/api/comments/${encodeURIComponent(commentId)}`);
        if (!response.ok) {
          continue;
        }
        comment = await response.json();
      } catch (ignored) {
        continue;
      }
      if (post !== latestPost) {
        return;
      }
      switch (comment.status) {
        case 'APPROVED':
          say('approved', 'Your comment is published.');
          return;
        case 'REJECTED':
          say('rejected', 'Your comment was not posted:',
            (comment.reasons || []).map((reason) => reason.message));
          return;
        case 'IN_REVIEW':
          // A moderator decides later; if they approve it, it arrives in the list through the live stream.
          say('in-review', 'Your comment is awaiting moderation. It will appear here if a moderator approves it.');
          return;
        default:
          // still PENDING: keep asking
      }
    }
    if (post === latestPost) {
      say('pending', 'Your comment is still being checked. It will appear here once it is published.');
    }
  }

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const name = nameField.value.trim();
    const body = bodyField.value.trim();
    if (!name || !body) {
      say('error', 'Please give your name and a comment.');
      (name ? bodyField : nameField).focus();
      return;
    }
    const post = ++latestPost;
    submit.disabled = true;
    say('sending', 'Sending your comment…');
    try {
      const response = await fetch('/demo/api/comments', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
        body: JSON.stringify({ name, body }),
      });
      const answer = await response.json().catch(() => null);
      if (!response.ok) {
        say('error', 'Your comment could not be sent:', problemText(answer, response.status));
        return;
      }
      bodyField.value = '';
      submit.disabled = false;
      say('pending', 'Thank you. Your comment is being checked…');
      await follow(answer.id, post);
    } catch (ignored) {
      say('error', 'The site could not be reached. Please try again.');
    } finally {
      submit.disabled = false;
    }
  });

  listen();
  loadPublished();
})();
