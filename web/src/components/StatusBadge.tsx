import { householdStatusLabel, householdStatusTone } from '../lib/labels';

export function HouseholdStatus({ status }: { status: string }) {
  return (
    <span className={`regie-status regie-status--${householdStatusTone(status)}`}>
      {householdStatusLabel(status)}
    </span>
  );
}
