import { describe, expect, it } from 'vitest';
import { pageOf, safeReturn, signInAddress } from './return-to.ts';

describe('the page a person comes back to after signing in again', () => {
  it('is the page that was open, its query kept and a form action’s name dropped', () => {
    expect(pageOf(new URL('http://x/dang-vien/42?/update'))).toBe('/dang-vien/42');
    expect(pageOf(new URL('http://x/dang-vien?q=nguyen+an&/search'))).toBe('/dang-vien?q=nguyen+an');
    expect(pageOf(new URL('http://x/'))).toBeNull();
  });

  it('rides on the login page’s address', () => {
    expect(signInAddress(new URL('http://x/to-chuc/7?trang=2'))).toBe('/dang-nhap?tiep=%2Fto-chuc%2F7%3Ftrang%3D2');
    expect(signInAddress(new URL('http://x/'))).toBe('/dang-nhap');
  });

  it('is followed only within this site, and never back to the sign-in pages', () => {
    expect(safeReturn('/to-chuc/7?trang=2')).toBe('/to-chuc/7?trang=2');
    for (const elsewhere of ['//evil.example/x', 'https://evil.example/', '/\\evil.example', 'ho-so', '', null, '/dang-nhap?tiep=/ho-so', '/dang-xuat', '/kich-hoat']) {
      expect(safeReturn(elsewhere), String(elsewhere)).toBeNull();
    }
  });
});
