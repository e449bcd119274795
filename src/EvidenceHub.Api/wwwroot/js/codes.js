// The wire codes of API.md and the words a person reads for them.

export const kinds = {
  written: 'Written evidence',
  supplementary: 'Supplementary written evidence',
  oral: 'Oral evidence',
  other: 'Other',
};

export const categories = {
  'community-group': 'Community group',
  charity: 'Charity / third sector',
  academic: 'Academic',
  'think-tank': 'Think tank',
  'local-authority': 'Local authority',
  'central-government': 'Central government',
  business: 'Business',
  individual: 'Individual',
  parliamentarian: 'Parliamentarian',
  other: 'Other',
};

export const publications = {
  received: 'Received (not published)',
  published: 'Published',
  withheld: 'Withheld',
  confidential: 'Confidential',
};

export const statuses = {
  queued: 'Queued',
  extracting: 'Reading the file',
  indexed: 'Searchable',
  failed: 'Failed',
};

/** What a clerk can do about each kind of failure; the API's failureReason says what happened. */
export const failureAdvice = {
  'needs-password': 'The file is password-protected. Enter its password to try again.',
  'no-text-layer': 'The file has no readable text (a scan without text). Ask the submitter for a text version.',
  'unsupported-format': 'This type of file cannot be read. Ask for Word, PDF or plain text.',
  'corrupt-file': 'The file is damaged and cannot be opened. Ask the submitter to send it again.',
  'too-large': 'The file is too large to read. Ask for a smaller or split version.',
  'timed-out': 'Reading the file took too long. Try again later or ask for a simpler version.',
};

export const facetNames = {
  inquiry: 'Inquiry',
  kind: 'Kind',
  category: 'Submitter category',
  organisation: 'Organisation',
  theme: 'Theme',
  year: 'Year received',
  speaker: 'Speaker',
};

export function facetValueLabel(facet, value) {
  if (facet === 'kind') return kinds[value] || value;
  if (facet === 'category') return categories[value] || value;
  return value;
}

/** "p. 2 · para 3.2 · Q45 · Simon Kaye" parts of a passage's location. */
export function locationParts(passage) {
  const parts = [];
  if (passage.page && passage.lineStart) {
    const lines = passage.lineEnd && passage.lineEnd > passage.lineStart ? `lines ${passage.lineStart}–${passage.lineEnd}` : `line ${passage.lineStart}`;
    parts.push(`p. ${passage.page}, ${lines}`);
  } else if (passage.page) parts.push(`p. ${passage.page}`);
  if (passage.paragraph) parts.push(`para ${passage.paragraph}`);
  if (passage.question) parts.push(passage.question.startsWith('Q') ? passage.question : `Q${passage.question}`);
  if (passage.speaker) parts.push(passage.speakerRole ? `${passage.speaker} (${passage.speakerRole})` : passage.speaker);
  if (passage.time) parts.push(passage.time);
  return parts;
}

export function formatDate(iso) {
  if (!iso) return '';
  const date = new Date(`${iso.slice(0, 10)}T00:00:00`);
  return Number.isNaN(date.getTime())
    ? iso
    : date.toLocaleDateString('en-GB', { day: 'numeric', month: 'short', year: 'numeric' });
}

export function options(map, selected) {
  return Object.entries(map).map(([value, label]) => {
    const option = document.createElement('option');
    option.value = value;
    option.textContent = label;
    if (value === selected) option.selected = true;
    return option;
  });
}

/** "1 Dec 2026, 20:53" in the reader's time zone, for moments (sign-ins, tokens) rather than days. */
export function formatDateTime(iso) {
  if (!iso) return '';
  const date = new Date(iso);
  return Number.isNaN(date.getTime())
    ? iso
    : date.toLocaleString('en-GB', { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' });
}
