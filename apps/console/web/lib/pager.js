// Previous/next paging under a list: "21–40 van 57" with two buttons, for lists the API pages by limit/offset.
import { el, setText } from './dom.js';
import { t } from './i18n.js';

/**
 * A `<nav>` with previous/next buttons. `go(offset)` is called with the offset to show. `update` takes the page
 * shown: offset, limit, the number of items on it and the API's total (when it gives one: else "next" stays
 * available while a page is full).
 */
export function pager({ label, testid, go }) {
  const previous = el(
    'button',
    { type: 'button', class: 'button secondary small', 'data-testid': `${testid}-previous` },
    t('pager.previous'),
  );
  const next = el(
    'button',
    { type: 'button', class: 'button secondary small', 'data-testid': `${testid}-next` },
    t('pager.next'),
  );
  const where = el('span', { class: 'pager-where', 'data-testid': `${testid}-where` });
  const element = el(
    'nav',
    { class: 'pager', 'aria-label': label, 'data-testid': testid, hidden: true },
    previous,
    where,
    next,
  );
  let state = { offset: 0, limit: 20 };
  previous.addEventListener('click', () => go(Math.max(0, state.offset - state.limit)));
  next.addEventListener('click', () => go(state.offset + state.limit));
  return {
    element,
    update({ offset, limit, shown, total }) {
      state = { offset, limit };
      const known = typeof total === 'number';
      const hasNext = known ? offset + shown < total : shown >= limit;
      previous.disabled = offset === 0;
      next.disabled = !hasNext;
      element.hidden = offset === 0 && !hasNext;
      setText(
        where,
        shown === 0
          ? ''
          : known
            ? t('pager.rangeOf', { from: offset + 1, to: offset + shown, total })
            : t('pager.range', { from: offset + 1, to: offset + shown }),
      );
    },
  };
}
