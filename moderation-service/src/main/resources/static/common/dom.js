/*
 * What the console, the operator page and the sign-in page share: reading the CSRF token, and building elements
 * whose text never passes through innerHTML. Loaded before each page's own script; exposes window.ModstreamDom.
 */
'use strict';

(function () {
  /** The CSRF token Spring Security keeps in the XSRF-TOKEN cookie; '' when there is none yet. */
  function csrfToken() {
    for (const part of document.cookie.split(';')) {
      const eq = part.indexOf('=');
      if (eq > 0 && part.slice(0, eq).trim() === 'XSRF-TOKEN') {
        return decodeURIComponent(part.slice(eq + 1).trim());
      }
    }
    return '';
  }

  /** Creates an element with attributes and children; strings become text nodes. */
  function el(tag, attributes, ...children) {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(attributes || {})) {
      if (value === null || value === undefined || value === false) {
        continue;
      }
      if (name === 'className') {
        node.className = value;
      } else {
        node.setAttribute(name, value === true ? '' : String(value));
      }
    }
    for (const child of children) {
      if (child === null || child === undefined || child === false) {
        continue;
      }
      node.append(child instanceof Node ? child : document.createTextNode(String(child)));
    }
    return node;
  }

  window.ModstreamDom = Object.freeze({ csrfToken, el });
})();
