/**
 * A note whose stored content cannot be opened: its recovered plain text, read-only, and why. No
 * editor is mounted, so nothing can be saved over what is stored.
 */
export function DamagedNote({ label, text, reason }: { label: string; text: string; reason: string }) {
  return (
    <section className="damaged-note" aria-label={`${label} (read-only)`}>
      <p className="warning" role="alert">
        This note’s stored content is damaged ({reason}). It is shown read-only with the plain text recovered from it; nothing will be saved over it. Copy
        the text into a new note to keep working on it.
      </p>
      <pre className="damaged-note-text" tabIndex={0}>
        {text || '(no text could be recovered)'}
      </pre>
    </section>
  );
}
