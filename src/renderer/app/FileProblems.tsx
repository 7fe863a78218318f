import type { FileProblem } from '../../shared/contract/api';

interface FileProblemsProps {
  title: string;
  /** What to do about it, a paragraph each. */
  hint?: string | readonly string[];
  problems: ReadonlyArray<FileProblem | string>;
  /** Damage that stops work is an alert; a record set aside is news, not an emergency. */
  role?: 'alert' | 'status';
  className?: string;
}

/** Damaged or set-aside files, each named: shown, never hidden, wherever a view reads them. */
export function FileProblems({ title, hint, problems, role = 'alert', className = '' }: FileProblemsProps) {
  if (problems.length === 0) return null;
  return (
    <section className={`file-problems ${className}`} role={role} aria-label={title}>
      <h3>{title}</h3>
      {(typeof hint === 'string' ? [hint] : (hint ?? [])).map((text) => (
        <p key={text}>{text}</p>
      ))}
      <ul>
        {problems.map((item, index) =>
          typeof item === 'string' ? (
            <li key={index}>{item}</li>
          ) : (
            <li key={index}>
              <code>{item.file}</code>: {item.problem}
            </li>
          ),
        )}
      </ul>
    </section>
  );
}
