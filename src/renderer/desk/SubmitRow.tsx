/** The end of a desk form: what was refused, if anything, and the one button that sends it. */
export function SubmitRow({ error, ready, busy, label, busyLabel }: { error: string | null; ready: boolean; busy: boolean; label: string; busyLabel: string }) {
  return (
    <>
      {error && (
        <p className="dialog-error" role="alert">
          {error}
        </p>
      )}
      <div className="modal-actions">
        <button type="submit" className="primary" disabled={!ready}>
          {busy ? busyLabel : label}
        </button>
      </div>
    </>
  );
}
