import { Transform } from 'class-transformer';

/** Trims strings (and normalises them to NFC, so "é" typed two ways is one value); leaves other types alone. */
export const Trim = () =>
  Transform(({ value }: { value: unknown }) =>
    typeof value === 'string' ? value.trim().normalize('NFC') : value,
  );
