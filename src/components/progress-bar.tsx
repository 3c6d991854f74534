/** A labelled progress bar (native <progress>, announced by screen readers with its label). */
export function ProgressBar({ value, max, label }: { value: number; max: number; label: string }) {
  return (
    <div className="progress">
      <span className="progress__label">{label}</span>
      <progress value={value} max={Math.max(max, 1)} aria-label={label} />
    </div>
  );
}
