// Issue #19: dates and times at a desk (H5, ≥ 1024 px). A date is typed (YYYY-MM-DD) or clicked in
// a month calendar; the calendar is worked with the keyboard too (arrows move a day or a week,
// PageUp / PageDown a month, Enter picks, Escape closes). A time is the browser's time field (typed,
// arrows). On a phone and in WeChat the fields keep the wheel (meeting-request/fields.tsx).
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import './index.css';

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const WEEK = ['一', '二', '三', '四', '五', '六', '日'];

const pad = (n: number) => String(n).padStart(2, '0');
const iso = (y: number, m: number, d: number) => `${y}-${pad(m + 1)}-${pad(d)}`;

/** A real calendar day as YYYY-MM-DD, or null. */
export function parseDay(text: string): string | null {
  const m = DATE.exec(text.trim());
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]) - 1, Number(m[3])];
  const dt = new Date(Date.UTC(y, mo, d));
  return dt.getUTCFullYear() === y && dt.getUTCMonth() === mo && dt.getUTCDate() === d ? iso(y, mo, d) : null;
}

/** The day `n` days after `day` (YYYY-MM-DD arithmetic in UTC: no time zone moves it). */
function addDays(day: string, n: number): string {
  const [y, m, d] = day.split('-').map(Number);
  const dt = new Date(Date.UTC(y, m - 1, d + n));
  return iso(dt.getUTCFullYear(), dt.getUTCMonth(), dt.getUTCDate());
}

function addMonths(day: string, n: number): string {
  const [y, m, d] = day.split('-').map(Number);
  const first = new Date(Date.UTC(y, m - 1 + n, 1));
  const last = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  return iso(first.getUTCFullYear(), first.getUTCMonth(), Math.min(d, last));
}

/** The month's days in weeks from Monday (null: outside the month). */
function monthGrid(day: string): Array<Array<string | null>> {
  const [y, m] = day.split('-').map(Number);
  const first = new Date(Date.UTC(y, m - 1, 1));
  const lead = (first.getUTCDay() + 6) % 7;
  const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
  const cells: Array<string | null> = [...Array<null>(lead).fill(null), ...Array.from({ length: days }, (_, i) => iso(y, m - 1, i + 1))];
  while (cells.length % 7) cells.push(null);
  return Array.from({ length: cells.length / 7 }, (_, w) => cells.slice(w * 7, w * 7 + 7));
}

export interface DeskDateProps {
  value: string;
  /** the first day that may be chosen (YYYY-MM-DD) */
  min?: string;
  label: string;
  error?: boolean;
  disabled?: boolean;
  id?: string;
  onChange: (day: string) => void;
}

export default function DeskDate({ value, min, label, error, disabled, id, onChange }: DeskDateProps) {
  const [text, setText] = useState(value);
  const [problem, setProblem] = useState<string | null>(null);
  const [open, setOpen] = useState(false);
  const [focus, setFocus] = useState(value || min || iso(new Date().getFullYear(), new Date().getMonth(), new Date().getDate()));
  const grid = useRef<HTMLDivElement>(null);
  useEffect(() => setText(value), [value]);
  // the focused day follows the keyboard
  useEffect(() => {
    if (open) grid.current?.querySelector<HTMLButtonElement>(`[data-day="${focus}"]`)?.focus();
  }, [open, focus]);

  const allowed = (day: string) => !min || day >= min;
  const pick = (day: string) => {
    if (!allowed(day)) return;
    setProblem(null);
    setText(day);
    close();
    onChange(day);
  };
  const commitText = () => {
    if (text === value) return;
    const day = parseDay(text);
    if (!day) return setProblem('请按 2027-01-20 的格式填写日期');
    if (!allowed(day)) return setProblem(`不能早于 ${min}`);
    pick(day);
  };
  const onGridKey = (e: KeyboardEvent<HTMLDivElement>) => {
    const moves: Record<string, () => string> = {
      ArrowLeft: () => addDays(focus, -1), ArrowRight: () => addDays(focus, 1), ArrowUp: () => addDays(focus, -7), ArrowDown: () => addDays(focus, 7),
      PageUp: () => addMonths(focus, -1), PageDown: () => addMonths(focus, 1),
    };
    if (moves[e.key]) {
      e.preventDefault();
      setFocus(moves[e.key]());
    }
  };
  const toggle = useRef<HTMLButtonElement>(null);
  const close = () => {
    setOpen(false);
    toggle.current?.focus();
  };
  const openCalendar = () => {
    // the calendar opens on the day chosen (else the first day allowed)
    setFocus(parseDay(text) ?? (value || min || focus));
    setOpen(true);
  };
  const [y, m] = focus.split('-').map(Number);
  return (
    <div className='ddate'>
      <div className={error || problem ? 'ddate__field ddate__field--error' : 'ddate__field'}>
        <input
          id={id}
          className='ddate__input'
          type='text'
          inputMode='numeric'
          placeholder='YYYY-MM-DD'
          aria-label={`${label}（年-月-日）`}
          aria-invalid={error || problem ? true : undefined}
          value={text}
          disabled={disabled}
          onChange={(e) => setText(e.target.value)}
          onBlur={commitText}
          onKeyDown={(e) => {
            if (e.key === 'Enter') commitText();
          }}
        />
        <button ref={toggle} type='button' className='ddate__toggle' aria-expanded={open} aria-label={`${open ? '收起' : '打开'}日历选择${label}`} disabled={disabled} onClick={() => (open ? close() : openCalendar())}>
          日历
        </button>
      </div>
      {problem ? (
        <div className='ddate__problem' role='alert'>
          {problem}
        </div>
      ) : null}
      {open ? (
        <div
          className='ddate__panel'
          role='dialog'
          aria-label={`选择${label}`}
          onKeyDown={(e) => {
            if (e.key === 'Escape') {
              e.preventDefault();
              close();
            }
          }}
        >
          <div className='ddate__nav'>
            <button type='button' className='ddate__step' aria-label='上个月' onClick={() => setFocus(addMonths(focus, -1))}>
              ‹
            </button>
            <span className='ddate__month' aria-live='polite'>
              {y}年{m}月
            </span>
            <button type='button' className='ddate__step' aria-label='下个月' onClick={() => setFocus(addMonths(focus, 1))}>
              ›
            </button>
          </div>
          <div className='ddate__grid' ref={grid} onKeyDown={onGridKey}>
            <div className='ddate__week' aria-hidden='true'>
              {WEEK.map((w) => (
                <span key={w} className='ddate__wd'>
                  {w}
                </span>
              ))}
            </div>
            {monthGrid(focus).map((week, i) => (
              <div key={i} className='ddate__week'>
                {week.map((day, j) =>
                  day ? (
                    <button
                      key={day}
                      type='button'
                      data-day={day}
                      tabIndex={day === focus ? 0 : -1}
                      className={`ddate__day${day === value ? ' ddate__day--on' : ''}`}
                      aria-label={`${Number(day.slice(0, 4))}年${Number(day.slice(5, 7))}月${Number(day.slice(8))}日`}
                      aria-pressed={day === value}
                      disabled={!allowed(day)}
                      onClick={() => pick(day)}
                    >
                      {Number(day.slice(8))}
                    </button>
                  ) : (
                    <span key={`e${j}`} className='ddate__day ddate__day--blank' />
                  ),
                )}
              </div>
            ))}
          </div>
        </div>
      ) : null}
    </div>
  );
}

/** The browser's own time field (typed, arrows) at a desk. */
export function DeskTime({ value, label, error, disabled, id, onChange }: Omit<DeskDateProps, 'min'>) {
  return (
    <div className={error ? 'ddate__field ddate__field--error' : 'ddate__field'}>
      <input id={id} className='ddate__input' type='time' aria-label={label} value={value} disabled={disabled} onChange={(e) => e.target.value && onChange(e.target.value)} />
    </div>
  );
}
