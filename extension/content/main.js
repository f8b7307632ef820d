/**
 * The Gmail side of Next Step: follows the open thread, asks the service worker for its
 * application, and shows it in the sidebar; relabels and events go the same way and the
 * sidebar re-renders from the answer at once.
 *
 * Example: start()  // called once by content.js on https://mail.google.com/*
 */
import { followThreads, currentThread } from '../gmail/navigation.js';
import { mountSidebar, HOST_TAG } from '../features/application-sidebar.js';

const api = globalThis.browser ?? globalThis.chrome;

/** Start following Gmail's threads; returns `teardown()`. */
export function start({ doc = document, win = window } = {}) {
  // A previous copy of the extension (reloaded or updated) may have left its sidebar behind.
  for (const old of doc.querySelectorAll(HOST_TAG)) old.remove();

  let thread = null;
  let generation = 0; // each thread load gets a number; late answers for older ones are dropped
  let stopFollowing = () => {};
  let tornDown = false;

  const sidebar = mountSidebar({
    doc,
    onRelabel: (application, messageId, label, keyDate) => act({ type: 'label', messageId, label, keyDate }),
    onEvent: (application, event) => act({ type: 'event', applicationId: application.id, event }),
    onTrack: () => act({ type: 'track', threadId: thread?.threadId }),
    onRetry: () => {
      thread = currentThread(doc);
      load();
    },
    onOpenOptions: () => ask({ type: 'open-options' }),
  });

  async function load() {
    const mine = ++generation;
    if (!thread) {
      sidebar.hide();
      return;
    }
    sidebar.show({ view: 'loading' }, { replyTo: thread.replyTo });
    const answer = await ask({ type: 'thread', threadId: thread.threadId, messageIds: thread.messageIds });
    if (mine !== generation || tornDown) return;
    sidebar.show(answer, { replyTo: thread.replyTo });
  }

  async function act(request) {
    const mine = generation;
    sidebar.setBusy(true);
    const answer = await ask(request);
    if (mine !== generation || tornDown) return;
    sidebar.setBusy(false);
    sidebar.show(answer);
  }

  async function ask(request) {
    try {
      if (!api?.runtime?.id) throw new Error('Extension context invalidated.');
      const answer = await api.runtime.sendMessage(request);
      return answer ?? { view: 'problem', problem: { kind: 'not_running' } };
    } catch (error) {
      // The extension was reloaded or removed: this copy of the script is an orphan; leave quietly.
      if (!api?.runtime?.id || /context invalidated/i.test(String(error?.message))) {
        teardown();
        return { view: 'loading' };
      }
      return { view: 'problem', problem: { kind: 'server_error', status: 'extension', detail: String(error?.message ?? error) } };
    }
  }

  function teardown() {
    if (tornDown) return;
    tornDown = true;
    stopFollowing();
    sidebar.destroy();
  }

  stopFollowing = followThreads((view) => {
    thread = view;
    load();
  }, { doc, win });

  return teardown;
}
