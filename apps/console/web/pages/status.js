// Platform status (admins, coordinators): every service's health, refreshed every 5 s while the view is open.
import { api } from '../lib/api.js';
import { el, setText } from '../lib/dom.js';
import { formatDateTimeSeconds } from '../lib/format.js';
import { t, tPlural } from '../lib/i18n.js';

const REFRESH_MS = 5000;

function failureText(service) {
  switch (service.failure) {
    case 'timeout':
      return t('failure.timeout');
    case 'unreachable':
      return t('failure.unreachable');
    case 'unhealthy': {
      const failing = Object.entries(service.checks ?? {})
        .filter(([, check]) => check && typeof check === 'object' && check.status !== 'up')
        .map(([name]) => name);
      return failing.length > 0
        ? t('failure.unhealthyChecks', { checks: failing.join(', '), httpStatus: service.httpStatus })
        : t('failure.unhealthy', { httpStatus: service.httpStatus });
    }
    default:
      return '';
  }
}

function newRow(serviceId) {
  const name = t(`service.${serviceId}`);
  const headingId = `service-${serviceId}-name`;
  return el(
    'li',
    {
      class: 'service',
      'data-service': serviceId,
      'data-testid': `service-row-${serviceId}`,
      'aria-labelledby': headingId,
    },
    el('h3', { class: 'service-name', id: headingId }, name),
    el(
      'p',
      { class: 'badge', 'data-testid': 'service-status' },
      el('span', { class: 'badge-icon', 'aria-hidden': 'true' }),
      el('span', { class: 'visually-hidden' }, `${t('status.label')}: `),
      el('span', { class: 'badge-text' }),
    ),
    el('p', { class: 'failure', 'data-testid': 'service-failure', hidden: true }),
    el(
      'dl',
      { class: 'facts' },
      el(
        'div',
        {},
        el('dt', {}, t('latency.label')),
        el('dd', { class: 'latency', 'data-testid': 'service-latency' }),
      ),
      el(
        'div',
        {},
        el('dt', {}, t('checkedAt.label')),
        el('dd', {}, el('time', { class: 'checked-at', 'data-testid': 'service-checked-at' })),
      ),
    ),
    el('a', {
      class: 'docs-link',
      'data-testid': 'service-docs-link',
      'aria-label': t('docs.linkFor', { service: name }),
      text: t('docs.link'),
    }),
  );
}

export async function render({ main, signal }) {
  const overall = el(
    'p',
    {
      class: 'overall',
      role: 'status',
      'aria-live': 'polite',
      'data-testid': 'overall-status',
      'data-state': 'loading',
    },
    t('overall.loading'),
  );
  const list = el('ul', {
    class: 'services',
    'aria-labelledby': 'services-heading',
    'data-testid': 'services',
  });
  const mailLink = el('a', { 'data-testid': 'mail-ui-link' }, t('tools.mailUi'));
  const smsLink = el('a', { 'data-testid': 'sms-sink-link' }, t('tools.smsSink'));
  main.append(
    el('h1', {}, t('status.heading')),
    el('p', { class: 'intro' }, t('status.intro')),
    overall,
    el(
      'section',
      { 'aria-labelledby': 'services-heading' },
      el('h2', { id: 'services-heading' }, t('services.heading')),
      list,
    ),
    el(
      'section',
      { class: 'tools', 'aria-labelledby': 'tools-heading' },
      el('h2', { id: 'tools-heading' }, t('tools.heading')),
      el('ul', {}, el('li', {}, mailLink), el('li', {}, smsLink)),
    ),
  );

  const rowFor = (id) => {
    let row = list.querySelector(`[data-service="${CSS.escape(id)}"]`);
    if (!row) {
      row = newRow(id);
      list.append(row);
    }
    return row;
  };

  const renderOverall = (state, text) => {
    overall.dataset.state = state;
    setText(overall, text);
  };

  const renderStatus = (status) => {
    const checkedAt = new Date(status.checkedAt);
    for (const service of status.services) {
      const row = rowFor(service.service);
      const up = service.status === 'up';
      row.dataset.status = service.status;
      setText(row.querySelector('.badge-icon'), up ? '✓' : '✕');
      setText(row.querySelector('.badge-text'), t(up ? 'status.up' : 'status.down'));
      const failure = row.querySelector('.failure');
      setText(failure, failureText(service));
      failure.hidden = up;
      setText(row.querySelector('.latency'), t('latency.value', { ms: service.latencyMs }));
      const time = row.querySelector('.checked-at');
      time.dateTime = checkedAt.toISOString();
      setText(time, formatDateTimeSeconds(checkedAt));
      row.querySelector('.docs-link').href = service.docsUrl;
    }
    const down = status.services.filter((service) => service.status !== 'up').length;
    renderOverall(
      status.status === 'up' ? 'up' : 'down',
      status.status === 'up'
        ? t('overall.up')
        : tPlural('overall.down', down, { total: status.services.length }),
    );
    mailLink.href = status.links.mailUi;
    smsLink.href = status.links.smsSink;
  };

  let timer;
  let inFlight = null;
  const load = async () => {
    try {
      renderStatus(await api('/api/status', { background: true, signal }));
      main.dataset.loaded = 'true';
    } catch (error) {
      if (signal.aborted) return;
      console.error(error);
      renderOverall('error', t('overall.consoleUnreachable'));
    }
  };
  /** One request at a time; the next refresh is scheduled when it ends. */
  const refresh = () => {
    inFlight ??= load().finally(() => {
      inFlight = null;
      clearTimeout(timer);
      if (!signal.aborted) timer = setTimeout(refresh, REFRESH_MS);
    });
    return inFlight;
  };
  const onVisible = () => {
    if (document.visibilityState === 'visible' && !signal.aborted) void refresh();
  };
  document.addEventListener('visibilitychange', onVisible);
  signal.addEventListener('abort', () => {
    clearTimeout(timer);
    document.removeEventListener('visibilitychange', onVisible);
  });
  await refresh();
}
