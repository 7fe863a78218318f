// Injected into every benchmark page before its own scripts (Playwright addInitScript; the
// page's CSP does not apply to it). Plain JavaScript on purpose: Playwright sends it as text.
// Exposes window.__bench. All times are in the page's clock (performance.now() and
// event.timeStamp share it), in milliseconds.
//
// "painted" is the end of the first frame after a change: a MessageChannel message posted
// from that frame's requestAnimationFrame callback runs once the frame's style, layout and
// paint work on the main thread is done. The same rule is used for the app and the bare editor.
(() => {
  const editorRoot = () => document.querySelector('[contenteditable="true"]');

  /** Resolves with { frame, painted }: the next frame's start and the end of its main-thread work. */
  const nextPaint = () =>
    new Promise((resolve) => {
      requestAnimationFrame(() => {
        const frame = performance.now();
        const channel = new MessageChannel();
        channel.port1.onmessage = () => resolve({ frame, painted: performance.now() });
        channel.port2.postMessage(null);
      });
    });

  let open = null;
  let key = null;
  let keyObserver = null;
  let observedRoot = null;

  // The user's action: the click that opens the article, the key (or IME commit) being timed.
  addEventListener(
    'click',
    (event) => {
      if (open && open.start === null) open.start = event.timeStamp;
    },
    true,
  );
  const onInputStart = (event) => {
    if (key && key.start === null) {
      key.start = event.timeStamp;
      key.via = event.type;
    }
  };
  addEventListener('keydown', onInputStart, true);
  addEventListener('beforeinput', onInputStart, true);

  function openComplete(expect) {
    const root = editorRoot();
    if (!root || root.childElementCount !== expect.blocks) return false;
    if (root.lastElementChild.textContent !== expect.lastText) return false;
    return root.querySelectorAll('img').length >= expect.figures;
  }

  function checkOpen() {
    if (!open || open.ready !== null || !openComplete(open.expect)) return;
    open.ready = performance.now();
    open.observer.disconnect();
    void nextPaint().then(({ painted }) => {
      open.painted = painted;
      open.resolve();
    });
  }

  function checkKey() {
    if (!key || key.dom !== null) return;
    const block = editorRoot()?.children[key.index];
    if (!block || block.textContent.length < key.expectedLength) return;
    key.dom = performance.now();
    void nextPaint().then(({ frame, painted }) => {
      key.frame = frame;
      key.painted = painted;
      key.resolve();
    });
  }

  const deferred = () => {
    let resolve;
    const done = new Promise((r) => (resolve = r));
    return { done, resolve };
  };

  window.__bench = {
    /** Watches for the whole document to be editable and rendered (block count, last text, images). */
    armOpen(expect, fromNavigation) {
      const observer = new MutationObserver(checkOpen);
      open = { expect, start: fromNavigation ? 0 : null, ready: null, painted: null, observer, ...deferred() };
      observer.observe(document, { subtree: true, childList: true, characterData: true, attributes: true, attributeFilter: ['contenteditable'] });
      checkOpen();
    },
    async openResult(timeoutMs) {
      const timedOut = await Promise.race([open.done.then(() => false), new Promise((r) => setTimeout(() => r(true), timeoutMs))]);
      if (timedOut) return null;
      const mark = (name) => performance.getEntriesByName(name)[0]?.startTime ?? null;
      return { start: open.start, ready: open.ready, painted: open.painted, scriptStart: mark('bench:script-start') };
    },
    /**
     * Scrolls top-level block `index` to the middle of the view and returns the viewport point of
     * the middle character of its text, where the benchmark clicks to put the caret.
     */
    async caretTarget(index) {
      const block = editorRoot().children[index];
      block.scrollIntoView({ block: 'center' });
      await nextPaint();
      const text = document.createTreeWalker(block, NodeFilter.SHOW_TEXT).nextNode();
      const range = document.createRange();
      const middle = Math.floor(text.length / 2);
      range.setStart(text, middle);
      range.setEnd(text, middle + 1);
      const rect = range.getBoundingClientRect();
      return { x: rect.left + 1, y: rect.top + rect.height / 2 };
    },
    /** Whether the caret is collapsed inside top-level block `index`. */
    caretIn(index) {
      const selection = getSelection();
      const block = editorRoot().children[index];
      return selection.isCollapsed && block.contains(selection.anchorNode);
    },
    /** Width in CSS pixels of the editor's text column. */
    editorWidth() {
      return editorRoot().getBoundingClientRect().width;
    },
    blockText(index) {
      return editorRoot().children[index].textContent;
    },
    /** Times the next input: from its keydown (or beforeinput) to the new character in block `index`. */
    armKey(index) {
      const root = editorRoot();
      if (observedRoot !== root) {
        keyObserver?.disconnect();
        keyObserver = new MutationObserver(checkKey);
        keyObserver.observe(root, { subtree: true, childList: true, characterData: true });
        observedRoot = root;
      }
      const expectedLength = root.children[index].textContent.length + 1;
      key = { index, expectedLength, start: null, via: null, dom: null, frame: null, painted: null, ...deferred() };
    },
    async keyResult(timeoutMs) {
      const current = key;
      const timedOut = await Promise.race([current.done.then(() => false), new Promise((r) => setTimeout(() => r(true), timeoutMs))]);
      if (timedOut) return null;
      const { start, via, dom, frame, painted } = current;
      return { start, via, dom, frame, painted };
    },
  };
})();
