/** Times are shown in Beijing time, whatever the server's zone. */

// Each formatter is made once: one costs tens of microseconds to build, and a history table formats
// hundreds of instants (building one per cell was about half of the indicator page's rendering in a
// CPU profile).
const beijing = new Intl.DateTimeFormat('zh-CN', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hour12: false,
});

/** 2021-10-05T02:30:00Z → "2021年10月5日 10:30" (Beijing time). */
export function formatInstant(at: Date): string {
  const parts = beijing.formatToParts(at);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('year')}年${get('month')}月${get('day')}日 ${get('hour')}:${get('minute')}`;
}

const beijingCalendar = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' });

/** Beijing's calendar day of an instant: 2021-10-05T17:00:00Z → "2021-10-06". */
export function beijingDay(at: Date): string {
  return beijingCalendar.format(at);
}

const beijingClock = new Intl.DateTimeFormat('sv-SE', {
  timeZone: 'Asia/Shanghai',
  dateStyle: 'short',
  timeStyle: 'short',
});

/** An instant to the minute, as a spreadsheet cell writes it: "2021-10-05 10:30" (Beijing time). */
export function beijingMinute(at: Date): string {
  return beijingClock.format(at);
}
