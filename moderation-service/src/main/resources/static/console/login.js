/*
 * The console's sign-in page. Served without a session, so it holds nothing but the form's helper: Spring Security
 * sets the XSRF-TOKEN cookie on every response, and the form must send it back as the _csrf field.
 */
'use strict';

(function () {
  const LOGIN_PAGE = '/console/login.html';

  const { csrfToken } = window.ModstreamDom;

  function start() {
    const params = new URLSearchParams(window.location.search);
    const message = document.getElementById('login-message');
    const notices = [
      ['error', 'Wrong username or password.', 'login-error'],
      ['signed-out', 'You have signed out.', 'login-info'],
      ['expired', 'Your session has ended. Please sign in again.', 'login-info'],
    ];
    for (const [param, text, kind] of notices) {
      if (params.has(param)) {
        message.textContent = text;
        message.className = 'login-message ' + kind;
        message.hidden = false;
        break;
      }
    }

    const form = document.getElementById('login-form');
    const field = document.getElementById('login-csrf');
    form.addEventListener('submit', async (event) => {
      field.value = csrfToken();
      if (field.value) {
        return;
      }
      // No token cookie (cookies cleared since the page loaded, say): any response of the server sets one.
      event.preventDefault();
      try {
        await fetch(LOGIN_PAGE, { credentials: 'same-origin', cache: 'no-store' });
      } catch (e) {
        // Submit anyway; the server answers the missing token itself.
      }
      field.value = csrfToken();
      form.submit();
    });
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start);
  } else {
    start();
  }
})();
