/** What Field hands its control, as the attributes of a native input, select or textarea. */
export function controlProps(control: {
  id: string;
  describedBy: string | undefined;
  invalid: boolean;
}): { id: string; 'aria-describedby'?: string; 'aria-invalid'?: true } {
  return {
    id: control.id,
    ...(control.describedBy ? { 'aria-describedby': control.describedBy } : {}),
    ...(control.invalid ? { 'aria-invalid': true } : {}),
  };
}

/** Ids joined for aria-describedby, or none. */
export function describedBy(...ids: Array<string | undefined | false>): string | undefined {
  return ids.filter(Boolean).join(' ') || undefined;
}
