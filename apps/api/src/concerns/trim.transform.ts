import { Transform } from 'class-transformer';

/** Trims a string before validation, so a length limit counts what was written, not the spaces around it. */
export const Trim = () => Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value));
