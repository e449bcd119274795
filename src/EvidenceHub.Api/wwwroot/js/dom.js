// A small element builder: text is always set as text, never parsed as HTML. Styles go through the
// CSSOM (`style: { background: '#fff' }`), never a style attribute, which the Content-Security-Policy refuses.

export function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === null || value === undefined || value === false) continue;
    if (name === 'class') node.className = value;
    else if (name === 'dataset') Object.assign(node.dataset, value);
    else if (name === 'style') Object.assign(node.style, value);
    else if (name.startsWith('on') && typeof value === 'function') node.addEventListener(name.slice(2), value);
    else if (value === true) node.setAttribute(name, '');
    else node.setAttribute(name, String(value));
  }
  append(node, children);
  return node;
}

function append(node, children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : String(child));
  }
}

/** Replaces the children of `node`. */
export function fill(node, ...children) {
  node.replaceChildren();
  append(node, children);
  return node;
}

/**
 * The API's snippets are already HTML-escaped with <mark> around the hits; they are the only
 * markup the page inserts as HTML.
 */
export function snippet(html) {
  const span = el('span', { class: 'snippet' });
  span.innerHTML = html;
  return span;
}

/** Copies text to the clipboard, falling back to a hidden textarea where the Clipboard API is absent. */
export async function copyText(text) {
  if (navigator.clipboard && window.isSecureContext) {
    try {
      await navigator.clipboard.writeText(text);
      return true;
    } catch {
      // fall through to the textarea
    }
  }
  const area = el('textarea', { class: 'visually-hidden', 'aria-hidden': 'true' });
  area.value = text;
  document.body.append(area);
  area.select();
  const ok = document.execCommand('copy');
  area.remove();
  return ok;
}

/** A "Copy citation" button that says when it has copied. */
export function copyButton(text, label = 'Copy citation') {
  const button = el('button', { type: 'button', class: 'copy', 'aria-label': `${label}: ${text}` }, 'Copy');
  button.addEventListener('click', async () => {
    const ok = await copyText(text);
    button.textContent = ok ? 'Copied' : 'Copy failed';
    setTimeout(() => { button.textContent = 'Copy'; }, 2000);
  });
  return button;
}
