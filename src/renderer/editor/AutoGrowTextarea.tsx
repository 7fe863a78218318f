import { useRef } from 'react';
import { useAutoGrow } from './use-auto-grow';

interface AutoGrowTextareaProps {
  id: string;
  className: string;
  label: string;
  placeholder: string;
  value: string;
  maxLength: number;
  readOnly: boolean;
  /** Enter does not add a line break (headlines are one paragraph). */
  singleLine?: boolean;
  onChange: (value: string) => void;
}

export function AutoGrowTextarea({ id, className, label, placeholder, value, maxLength, readOnly, singleLine, onChange }: AutoGrowTextareaProps) {
  const ref = useRef<HTMLTextAreaElement>(null);
  useAutoGrow(ref, value);
  return (
    <div className={`meta-block ${className}`}>
      <label htmlFor={id}>{label}</label>
      <textarea
        ref={ref}
        id={id}
        rows={1}
        value={value}
        placeholder={placeholder}
        maxLength={maxLength}
        readOnly={readOnly}
        onKeyDown={(event) => {
          if (singleLine && event.key === 'Enter' && !event.nativeEvent.isComposing) event.preventDefault();
        }}
        onChange={(event) => onChange(singleLine ? event.target.value.replace(/\r?\n/g, ' ') : event.target.value)}
      />
    </div>
  );
}
