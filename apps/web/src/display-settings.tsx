import { useState } from 'react';

/**
 * 适老化 and 无障碍: a large-text mode and a high-contrast mode, each a class on <html> that the style sheet
 * reads, kept in localStorage so that the choice holds on the next visit.
 */
export type DisplayMode = 'text-large' | 'contrast-high';
const STORAGE_KEY = 'zwgk.display';

function storedModes(): DisplayMode[] {
  try {
    const parsed: unknown = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? '[]');
    return Array.isArray(parsed) ? parsed.filter((mode): mode is DisplayMode => mode === 'text-large' || mode === 'contrast-high') : [];
  } catch {
    return [];
  }
}

/** Puts the stored modes on <html>; called before the first render, so the page never shows without them. */
export function applyStoredDisplayModes(): void {
  for (const mode of storedModes()) document.documentElement.classList.add(mode);
}

const LABELS: Record<DisplayMode, string> = { 'text-large': '大字版', 'contrast-high': '高对比度' };

/** Two toggle buttons in the header: 大字版 and 高对比度. */
export function DisplaySettings() {
  const [modes, setModes] = useState<DisplayMode[]>(storedModes);
  const toggle = (mode: DisplayMode) => {
    const next = modes.includes(mode) ? modes.filter((m) => m !== mode) : [...modes, mode];
    setModes(next);
    localStorage.setItem(STORAGE_KEY, JSON.stringify(next));
    document.documentElement.classList.toggle(mode, next.includes(mode));
  };
  return (
    <div className="display-settings" role="group" aria-label="显示设置">
      {(Object.keys(LABELS) as DisplayMode[]).map((mode) => (
        <button key={mode} type="button" className="display-toggle" aria-pressed={modes.includes(mode)} onClick={() => toggle(mode)}>
          {LABELS[mode]}
        </button>
      ))}
    </div>
  );
}
