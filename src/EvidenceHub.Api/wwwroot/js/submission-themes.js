// A submission's themes on its page. The inquiry's staff see each tag with its state (automatic,
// manual, confirmed, rejected) and why; its researchers tag by hand, confirm or reject an automatic
// tag and remove a hand tag. The public see the names of the themes that apply, from the record.
import { getJson, postJson, deleteJson, enc } from './api.js';
import { el, fill } from './dom.js';
import { formatDate } from './codes.js';
import { can, isMember, problemContent } from './session.js';

const states = {
  automatic: 'Automatic',
  manual: 'Manual',
  confirmed: 'Confirmed',
  rejected: 'Rejected',
};

/** automatic | manual | confirmed | rejected, from the tag's origin and review. */
export function stateOf(tag) {
  if (tag.origin === 'manual') return 'manual';
  return tag.review === 'confirmed' || tag.review === 'rejected' ? tag.review : 'automatic';
}

function reasonOf(tag) {
  if (tag.origin === 'manual') return `Tagged by hand by ${tag.taggedBy}, ${formatDate(tag.taggedAt)}.`;
  const words = tag.matchedTerms.map((t) => `“${t}”`).join(', ');
  const where = tag.matchedPassages ? ` in ${tag.matchedPassages} passage${tag.matchedPassages === 1 ? '' : 's'}` : '';
  const review = tag.reviewedBy ? ` ${states[tag.review]} by ${tag.reviewedBy}, ${formatDate(tag.reviewedAt)}.` : '';
  return `The rule matched ${words || 'this submission'}${where}.${review}`;
}

export function mountSubmissionThemes(submission, caller) {
  const reference = submission.reference;
  const base = `/api/submissions/${enc(reference)}/themes`;
  const list = document.getElementById('tags');
  const summary = document.getElementById('tags-summary');
  const result = document.getElementById('tag-result');
  const select = document.getElementById('tag-theme');
  let themes = [];
  const mayTag = can(caller, 'researcher', submission.inquiry);
  const readsTags = isMember(caller, submission.inquiry);

  function say(message, isProblem = false) {
    fill(result, el('p', { class: isProblem ? 'problem' : 'notice', role: isProblem ? 'alert' : null }, message));
  }

  /** Only the names, for the public: who tagged, rejected tags and the rules' reasons are staff's. */
  function showNames() {
    const names = submission.themes || [];
    summary.textContent = names.length ? `${names.length} theme${names.length === 1 ? '' : 's'} apply.` : 'No themes yet.';
    fill(list, names.map((name) => {
      const colour = themes.find((t) => t.name === name)?.colour;
      return el('li', { class: 'tag' }, el('div', { class: 'tag-head' },
        el('span', { class: 'swatch', style: colour ? { background: colour } : null, 'aria-hidden': 'true' }),
        el('strong', {}, name)));
    }));
  }

  async function act(request, done) {
    try {
      await request();
      say(done);
      await refresh();
    } catch (error) {
      say(problemContent(error), true);
    }
  }

  function item(tag) {
    const state = stateOf(tag);
    const name = tag.theme;
    const colour = themes.find((t) => t.id === tag.themeId)?.colour;
    const actions = [];
    if (mayTag && (state === 'automatic' || state === 'rejected')) {
      actions.push(el('button', { type: 'button', class: 'secondary', 'aria-label': `Confirm ${name}`,
        onclick: () => act(() => postJson(`${base}/${tag.themeId}/confirm`), `Confirmed “${name}”.`) }, 'Confirm'));
    }
    if (mayTag && (state === 'automatic' || state === 'confirmed')) {
      actions.push(el('button', { type: 'button', class: 'secondary', 'aria-label': `Reject ${name}`,
        onclick: () => act(() => postJson(`${base}/${tag.themeId}/reject`), `Rejected “${name}”: the rule will not tag it again.`) }, 'Reject'));
    }
    if (mayTag && state === 'manual') {
      actions.push(el('button', { type: 'button', class: 'secondary', 'aria-label': `Remove ${name}`,
        onclick: () => act(() => deleteJson(`${base}/${tag.themeId}`), `Removed “${name}”.`) }, 'Remove'));
    }
    return el('li', { class: `tag tag-${state}`, dataset: { themeId: tag.themeId, state } },
      el('div', { class: 'tag-head' },
        el('span', { class: 'swatch', style: colour ? { background: colour } : null, 'aria-hidden': 'true' }),
        el('strong', {}, name),
        el('span', { class: `badge tag-state state-${state}` }, states[state])),
      el('p', { class: 'reason' }, reasonOf(tag),
        tag.matchedPassageId && tag.origin !== 'manual' ? [' ', el('a', { href: `#p-${tag.matchedPassageId}` }, 'First match')] : null),
      actions.length ? el('div', { class: 'theme-actions' }, actions) : null);
  }

  async function refresh() {
    const tags = (await getJson(base)).filter((t) => t.passageId === null);
    const effective = tags.filter((t) => t.effective).length;
    summary.textContent = tags.length
      ? `${effective} theme${effective === 1 ? '' : 's'} apply${tags.length > effective ? `; ${tags.length - effective} rejected` : ''}.`
      : 'No themes yet.';
    fill(list, tags.map(item));
    const tagged = new Set(tags.filter((t) => stateOf(t) === 'manual').map((t) => t.themeId));
    fill(select, themes.filter((t) => !tagged.has(t.id)).map((t) => el('option', { value: t.id }, t.name)));
    document.getElementById('tag-form').hidden = !mayTag || select.options.length === 0;
    document.getElementById('no-themes').hidden = !mayTag || themes.length > 0;
    document.querySelector('#no-themes a').href = `/themes.html?inquiry=${enc(submission.inquiry)}`;
  }

  document.getElementById('tag-form').addEventListener('submit', (event) => {
    event.preventDefault();
    const theme = themes.find((t) => String(t.id) === select.value);
    if (!theme) return;
    act(() => postJson(base, { themeId: theme.id }), `Tagged with “${theme.name}” by hand.`);
  });

  return (async () => {
    try {
      themes = await getJson(`/api/inquiries/${enc(submission.inquiry)}/themes`);
      if (readsTags) await refresh();
      else showNames();
    } catch (error) {
      summary.textContent = `The themes could not be loaded: ${error.message}`;
    }
  })();
}
