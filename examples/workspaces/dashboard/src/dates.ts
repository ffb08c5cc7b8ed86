import moment from 'moment';

/** The day of a date, as shown in the dashboard's tables. */
export function formatDay(date: Date): string {
  return moment(date).format('YYYY-MM-DD');
}

/** The time of a date, as shown in tooltips. */
export function formatTime(date: Date): string {
  return moment(date).format('HH:mm');
}
