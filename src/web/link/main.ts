/**
 * The client page (issue 7): a small, phone-first page separate from the clinician app, served at `/l`. The link's
 * token sits in the URL fragment (`/l#t=…`), which the browser never sends; the page sends it in the X-Cairn-Link
 * header. No framework, no third-party requests, no inline script or style (the server's strict CSP applies).
 * Answers are saved as the client goes, so a dropped connection loses nothing; the submission carries them all again.
 *
 * @example
 * // link.html: <script type="module" src="/link/main.ts"></script>
 */
import type { LinkContextView, LinkInstrumentView } from '../../contract/client-links.js';
import './link.css';

type Answers = (number | null)[];
type Child = Node | string | null | false;

const root = document.getElementById('root') as HTMLElement;
const token = new URLSearchParams(window.location.hash.slice(1)).get('t') ?? '';

/** A DOM element with attributes (strings; `on*` functions become listeners) and children (text is escaped). */
function h(tag: string, attrs: Record<string, unknown> = {}, ...children: Child[]): HTMLElement {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === undefined || value === null || value === false) continue;
    if (key.startsWith('on') && typeof value === 'function') el.addEventListener(key.slice(2), value as EventListener);
    else if (value === true) el.setAttribute(key, '');
    else el.setAttribute(key, String(value));
  }
  for (const c of children) if (c !== null && c !== false) el.append(c);
  return el;
}

function show(...children: Child[]): void {
  root.replaceChildren(...children.filter((c): c is Node | string => c !== null && c !== false));
  window.scrollTo(0, 0);
}

class LinkError extends Error {
  constructor(readonly status: number) {
    super(`HTTP ${status}`);
  }
}

async function api<T>(method: 'GET' | 'PUT' | 'POST', path: string, body?: unknown): Promise<T> {
  const res = await fetch(`/api/v1${path}`, {
    method,
    headers: { 'x-cairn-link': token, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    credentials: 'omit',
    cache: 'no-store',
    referrerPolicy: 'no-referrer',
  });
  if (!res.ok) throw new LinkError(res.status);
  return (await res.json()) as T;
}

function unavailable(error: unknown): void {
  const status = error instanceof LinkError ? error.status : 0;
  const [title, text] =
    status === 404
      ? [
          'This link is not available',
          'It may have expired, been used already, or been withdrawn. Please ask your therapist for a new one.',
        ]
      : status === 429
        ? ['Please wait a moment', 'There were too many attempts from this connection. Try again in a minute.']
        : status === 400
          ? ['Something is missing', 'Please check your answers and try again.']
          : [
              'We could not reach the practice',
              'Please check your connection and try again. Nothing you entered is lost.',
            ];
  show(h('section', { class: 'card', role: 'alert' }, h('h1', {}, title), h('p', {}, text)));
}

function header(ctx: LinkContextView): HTMLElement {
  return h('header', { class: 'top' }, h('p', { class: 'practice' }, ctx.practiceName));
}

function crisisBox(ctx: LinkContextView): HTMLElement {
  return h(
    'aside',
    { class: 'crisis', role: 'alert' },
    h('h2', {}, 'If you are thinking about harming yourself'),
    h('p', {}, ctx.crisisText),
  );
}

function done(ctx: LinkContextView, critical: boolean, text: string): void {
  show(
    header(ctx),
    h('section', { class: 'card' }, h('h1', {}, `Thank you, ${ctx.firstName}`), h('p', {}, text)),
    critical && crisisBox(ctx),
  );
}

// --- Measures: one item at a time, saved as the client goes --------------------------------------------------------

function isCritical(instrument: LinkInstrumentView, answers: Answers): boolean {
  return instrument.criticalItems.some((c) => (answers[c.item - 1] ?? -1) >= c.minValue);
}

function runMeasures(ctx: LinkContextView): void {
  const answers: Record<string, Answers> = {};
  for (const i of ctx.instruments) {
    answers[i.id] = i.items.map((_, n) => ctx.answers[i.id]?.[n] ?? null);
  }
  // Resume at the first unanswered item.
  let position = 0;
  const steps = ctx.instruments.flatMap((instrument) => instrument.items.map((_, index) => ({ instrument, index })));
  const firstOpen = steps.findIndex((s) => answers[s.instrument.id]?.[s.index] === null);
  position = firstOpen === -1 ? steps.length : firstOpen;
  let saveState: 'saved' | 'failed' = 'saved';

  const anyCritical = () => ctx.instruments.some((i) => isCritical(i, answers[i.id] ?? []));

  const save = async (instrument: LinkInstrumentView) => {
    try {
      await api('PUT', '/link/answers', { instrument: instrument.id, answers: answers[instrument.id] });
      saveState = 'saved';
    } catch (error) {
      if (error instanceof LinkError && error.status === 404) return unavailable(error);
      saveState = 'failed';
    }
  };

  const render = () => {
    if (position >= steps.length) return review();
    const step = steps[position];
    if (!step) return review();
    const { instrument, index } = step;
    const item = instrument.items[index];
    if (!item) return review();
    const current = answers[instrument.id]?.[index] ?? null;
    const itemsOfInstrument = instrument.items.length;
    show(
      header(ctx),
      h(
        'section',
        { class: 'card' },
        index === 0 ? h('p', { class: 'hello' }, `Hello ${ctx.firstName}.`) : null,
        h('h1', { class: 'instrument' }, instrument.name),
        instrument.instructions ? h('p', { class: 'instructions' }, instrument.instructions) : null,
        h('p', { class: 'progress' }, `Question ${index + 1} of ${itemsOfInstrument}`),
        h('h2', { class: 'item', id: 'item-text' }, item.text),
        h(
          'div',
          { class: 'options', role: 'radiogroup', 'aria-labelledby': 'item-text' },
          ...item.options.map((o) =>
            h(
              'button',
              {
                type: 'button',
                class: current === o.value ? 'option chosen' : 'option',
                role: 'radio',
                'aria-checked': current === o.value ? 'true' : 'false',
                onclick: async () => {
                  const list = answers[instrument.id];
                  if (list) list[index] = o.value;
                  position += 1;
                  render();
                  await save(instrument);
                  if (saveState === 'failed') render();
                },
              },
              o.label,
            ),
          ),
        ),
        h(
          'nav',
          { class: 'nav' },
          position > 0
            ? h(
                'button',
                {
                  type: 'button',
                  class: 'back',
                  onclick: () => {
                    position -= 1;
                    render();
                  },
                },
                'Back',
              )
            : null,
        ),
        saveState === 'failed'
          ? h('p', { class: 'warn' }, 'Not saved yet: check your connection. Your answers are kept on this page.')
          : null,
        h('p', { class: 'copyright' }, instrument.copyright),
      ),
      anyCritical() && crisisBox(ctx),
    );
  };

  const review = () => {
    const missing = steps.filter((s) => answers[s.instrument.id]?.[s.index] === null).length;
    show(
      header(ctx),
      h(
        'section',
        { class: 'card' },
        h('h1', {}, missing === 0 ? 'All done' : 'Almost done'),
        h(
          'p',
          {},
          missing === 0
            ? 'Send your answers to your therapist.'
            : `${missing} question${missing === 1 ? ' is' : 's are'} not answered yet.`,
        ),
        h(
          'button',
          {
            type: 'button',
            class: 'primary',
            disabled: missing > 0,
            onclick: async (event: Event) => {
              (event.currentTarget as HTMLButtonElement).disabled = true;
              try {
                const result = await api<{ critical: boolean }>('POST', '/link/submit', { answers });
                done(ctx, result.critical, 'Your answers have been sent to your therapist.');
              } catch (error) {
                unavailable(error);
              }
            },
          },
          'Send answers',
        ),
        h(
          'button',
          {
            type: 'button',
            class: 'back',
            onclick: () => {
              position = Math.max(0, steps.length - 1);
              const open = steps.findIndex((s) => answers[s.instrument.id]?.[s.index] === null);
              if (open !== -1) position = open;
              render();
            },
          },
          missing === 0 ? 'Change an answer' : 'Answer the rest',
        ),
      ),
      anyCritical() && crisisBox(ctx),
    );
  };

  render();
}

// --- Log: today's counts ------------------------------------------------------------------------------------------

function periodWords(period: 'day' | 'week' | 'month'): string {
  return period === 'day' ? 'today' : period === 'week' ? 'this week' : 'this month';
}

function runLog(ctx: LinkContextView): void {
  const inputs = ctx.behaviors.map((b) => {
    const input = h('input', {
      type: 'number',
      inputmode: 'numeric',
      min: '0',
      max: '10000',
      step: '1',
      id: `count-${b.id}`,
      value: '',
    }) as HTMLInputElement;
    return { behavior: b, input };
  });
  show(
    header(ctx),
    h(
      'section',
      { class: 'card' },
      h('h1', {}, `Hello ${ctx.firstName}`),
      h('p', {}, 'How many times did each of these happen?'),
      ...inputs.map(({ behavior, input }) =>
        h(
          'label',
          { class: 'count', for: input.id },
          h(
            'span',
            {},
            `${behavior.name} ${periodWords(behavior.period)}${behavior.unit ? ` (${behavior.unit})` : ''}`,
          ),
          input,
        ),
      ),
      h(
        'button',
        {
          type: 'button',
          class: 'primary',
          onclick: async (event: Event) => {
            const counts = inputs
              .filter(({ input }) => input.value.trim() !== '')
              .map(({ behavior, input }) => ({ behaviorId: behavior.id, count: Number(input.value) }));
            if (counts.length === 0 || counts.some((c) => !Number.isFinite(c.count) || c.count < 0)) return;
            (event.currentTarget as HTMLButtonElement).disabled = true;
            try {
              await api('POST', '/link/submit', { counts });
              done(ctx, false, 'Your counts have been sent to your therapist.');
            } catch (error) {
              unavailable(error);
            }
          },
        },
        'Send',
      ),
    ),
  );
}

// --- Endorse: the goals in plain language, in the client's own words, confirmed by name and date ------------------

function runEndorse(ctx: LinkContextView): void {
  const fields = ctx.goals.map((g, n) => ({
    goal: g,
    words: h(
      'textarea',
      { id: `words-${n}`, rows: '3', maxlength: '1000' },
      g.clientWords ?? '',
    ) as HTMLTextAreaElement,
  }));
  const name = h('input', {
    id: 'typed-name',
    type: 'text',
    autocomplete: 'name',
    maxlength: '200',
  }) as HTMLInputElement;
  const date = h('input', { id: 'typed-date', type: 'date', value: ctx.today }) as HTMLInputElement;
  const error = h('p', { class: 'warn', hidden: true }, 'Type your name and today’s date to confirm.');
  show(
    header(ctx),
    h(
      'section',
      { class: 'card' },
      h('h1', {}, `Hello ${ctx.firstName}`),
      h('p', {}, 'These are the goals you and your therapist agreed on. Please read them.'),
      ...fields.map(({ goal, words }, n) =>
        h(
          'div',
          { class: 'goal' },
          h('h2', {}, `Goal ${n + 1}`),
          h('p', {}, goal.statement),
          h('label', { for: words.id }, 'This goal in your own words (optional)'),
          words,
        ),
      ),
      h('label', { for: name.id }, 'Type your name to confirm you agree with these goals'),
      name,
      h('label', { for: date.id }, 'Today’s date'),
      date,
      error,
      h(
        'button',
        {
          type: 'button',
          class: 'primary',
          onclick: async (event: Event) => {
            if (name.value.trim().length < 2 || !/^\d{4}-\d{2}-\d{2}$/.test(date.value)) {
              error.hidden = false;
              return;
            }
            (event.currentTarget as HTMLButtonElement).disabled = true;
            try {
              await api('POST', '/link/submit', {
                goals: fields.map(({ goal, words }) => ({ goalId: goal.id, words: words.value.trim() })),
                typedName: name.value.trim(),
                date: date.value,
              });
              done(ctx, false, 'Your agreement has been sent to your therapist.');
            } catch (e) {
              unavailable(e);
            }
          },
        },
        'I agree with these goals',
      ),
    ),
  );
}

async function start(): Promise<void> {
  if (!token) return unavailable(new LinkError(404));
  try {
    const ctx = await api<LinkContextView>('GET', '/link');
    document.title = ctx.practiceName;
    if (ctx.purpose === 'measures') runMeasures(ctx);
    else if (ctx.purpose === 'log') runLog(ctx);
    else runEndorse(ctx);
  } catch (error) {
    unavailable(error);
  }
}

void start();
