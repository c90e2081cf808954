import { describe, expect, it } from 'vitest';
import { downloadGate } from '../../src/app/lib/download-gate';

describe('downloadGate', () => {
  it('allows a download when the browser says nothing about the connection', () => {
    expect(downloadGate(undefined, false)).toEqual({ allowed: true });
    expect(downloadGate(undefined, true)).toEqual({ allowed: true });
    expect(downloadGate({}, true)).toEqual({ allowed: true });
  });

  it('refuses whenever Save-Data is on, whatever the Wi-Fi preference, and says why', () => {
    for (const wifiOnly of [false, true]) {
      const gate = downloadGate({ saveData: true, type: 'wifi' }, wifiOnly);
      expect(gate.allowed).toBe(false);
      if (!gate.allowed) {
        expect(gate.reason).toBe('save-data');
        expect(gate.message).toMatch(/省流量/);
      }
    }
  });

  it('with 仅在 Wi-Fi 下载 on, refuses a known non-Wi-Fi connection and says why', () => {
    for (const type of ['cellular', 'bluetooth', 'wimax', 'other', 'none']) {
      const gate = downloadGate({ saveData: false, type }, true);
      expect(gate.allowed, type).toBe(false);
      if (!gate.allowed) {
        expect(gate.reason).toBe('not-wifi');
        expect(gate.message).toContain('仅在 Wi-Fi 下载');
      }
    }
  });

  it('with 仅在 Wi-Fi 下载 on, allows Wi-Fi, ethernet and connections of unknown type', () => {
    for (const type of ['wifi', 'ethernet', 'unknown', undefined]) {
      expect(downloadGate({ type }, true), String(type)).toEqual({ allowed: true });
    }
  });

  it('with 仅在 Wi-Fi 下载 off, allows a cellular connection', () => {
    expect(downloadGate({ type: 'cellular', saveData: false }, false)).toEqual({ allowed: true });
  });
});
