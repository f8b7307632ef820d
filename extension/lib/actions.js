/**
 * The next step's `action`, said in plain words, and what "I sent it" tells the API for it.
 *
 * Example:
 *   actionKey('follow_up')         // 'action_follow_up'
 *   sentEventKind('send_thank_you') // 'thank_you_sent'
 *   sentEventKind('wait')           // null (nothing to send)
 */

export const ACTIONS = Object.freeze([
  'send_thank_you',
  'follow_up',
  'stay_in_touch',
  'send_final_thanks',
  'prepare_for_interview',
  'complete_assessment',
  'respond_to_offer',
  'wait',
  'none',
]);

// Which actions are an email the user sends, and which event says it went out.
const SENT_EVENT = Object.freeze({
  send_thank_you: 'thank_you_sent',
  send_final_thanks: 'final_thanks_sent',
  follow_up: 'follow_up_sent',
  stay_in_touch: 'follow_up_sent',
});

/** The `_locales` key saying `action` in plain words. */
export function actionKey(action) {
  return ACTIONS.includes(action) ? `action_${action}` : 'action_none';
}

/** The event kind of "I sent it" for `action`, or null when the step is not an email to send. */
export function sentEventKind(action) {
  return SENT_EVENT[action] ?? null;
}

/**
 * The `_locales` key of a check-in of the article (1-6), or of the steps beyond it (null).
 *
 * Example: checkinKey(4)  // 'checkin_4'
 */
export function checkinKey(checkin) {
  return Number.isInteger(checkin) && checkin >= 1 && checkin <= 6 ? `checkin_${checkin}` : 'checkin_beyond';
}
