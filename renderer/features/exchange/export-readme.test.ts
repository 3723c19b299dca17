import { describe, expect, it } from 'vitest';
import {
  EXPORT_README_NAME,
  exportReadmeBytes,
  exportReadmeText,
  formatLocalDateTime,
} from './export-readme';

describe('export readme', () => {
  const when = new Date(2026, 10, 27, 9, 5);

  it('formats local time the Chinese way', () => {
    expect(formatLocalDateTime(when)).toBe('2026年11月27日 09:05');
  });

  it('names the version and time, with Windows line endings for Notepad', () => {
    const text = exportReadmeText(when, '0.1.0');
    expect(text).toContain('版本 0.1.0');
    expect(text).toContain('2026年11月27日 09:05');
    expect(text.split('\r\n').length).toBeGreaterThan(3);
    expect(new TextDecoder().decode(exportReadmeBytes(when, '0.1.0'))).toBe(text);
    expect(EXPORT_README_NAME.endsWith('.txt')).toBe(true);
  });
});
