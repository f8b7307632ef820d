/**
 * The NEXT STEP card: the action in plain words, its due date (and "in 3 days" / "overdue by
 * 2 days" / "today"), why (the article's check-in and the recruiter's own sentence), the draft,
 * and the buttons that tell Next Step what happened.
 *
 * Example: nextStepCard(application, {today: '2026-11-27', locale: 'en', onEvent, replyTo})
 */
import { h } from '../lib/dom.js';
import { t } from '../lib/i18n.js';
import { formatDay, relativeDue } from '../lib/dates.js';
import { actionKey, checkinKey } from '../lib/actions.js';
import { draftBox } from './draft-box.js';
import { stepButtons } from './step-buttons.js';

export function nextStepCard(application, { today, locale, onEvent, replyTo }) {
  const step = application.next_step ?? { action: 'none' };
  const relative = relativeDue(step.due, today);
  const dueClass = relative?.key.startsWith('overdue') ? 'overdue' : relative?.key === 'dueToday' ? 'today' : '';
  const due = step.due
    ? h('p', { class: `due ${dueClass}` },
      h('span', { class: 'date' }, t('dueOn', [formatDay(step.due, locale)])),
      h('span', { 'aria-hidden': 'true' }, '·'),
      h('span', { class: 'relative' }, t(relative.key, [String(relative.count)])))
    : h('p', { class: 'due muted' }, t('noDueDate'));

  const why = [];
  if (step.checkin || step.reason || step.evidence) {
    why.push(h('h3', {}, t('why')));
    why.push(h('p', { class: 'checkin' }, t(checkinKey(step.checkin))));
    if (step.reason) why.push(h('p', { class: 'reason' }, step.reason));
    if (step.evidence) why.push(h('blockquote', { class: 'evidence', title: t('inTheirWords') }, `“${step.evidence}”`));
  }

  return h('section', { class: 'card next-step' },
    h('h2', {}, t('nextStep')),
    h('p', { class: 'action' }, t(actionKey(step.action))),
    due,
    why,
    step.draft ? draftBox(step.draft, { replyTo }) : null,
    stepButtons(application, { onEvent, today }));
}
