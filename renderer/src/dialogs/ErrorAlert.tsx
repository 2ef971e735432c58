/** An inline error, announced at once by screen readers; renders nothing when there is none. */
export function ErrorAlert({ message }: { message: string | null | undefined }) {
  if (!message) return null;
  return (
    <p className="warning" role="alert">
      {message}
    </p>
  );
}
