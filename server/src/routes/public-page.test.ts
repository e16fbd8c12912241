import { Hono } from 'hono';
import { html } from 'hono/html';
import { describe, expect, it } from 'vitest';
import { maskAddress, publicPage } from './public-page.ts';

describe('maskAddress', () => {
  it('keeps the first character and the domain of an email, the last digits of a phone', () => {
    expect(maskAddress('kim@example.com')).toBe('k***@example.com');
    expect(maskAddress('k@example.com')).toBe('k***@example.com');
    expect(maskAddress('김민준@회사.kr')).toBe('김***@회사.kr');
    expect(maskAddress('"a@b"@example.com')).toBe('"***@example.com');
    expect(maskAddress('+82 10-1234-5678')).toBe('***5678');
    expect(maskAddress('123')).toBe('***');
  });
});

describe('publicPage', () => {
  it('is one uncached, unindexed document in the given language, with everything escaped', async () => {
    const app = new Hono();
    app.get('/', (c) =>
      publicPage(c, 404, { language: 'ko', title: '<i>title</i>', body: html`<p>${'<b>&'}</p>` }),
    );
    const res = await app.request('/');
    expect(res.status).toBe(404);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.headers.get('x-robots-tag')).toBe('noindex');
    const page = await res.text();
    expect(page).toMatch(/^<!doctype html>\n<html lang="ko">/);
    expect(page).toContain('<title>&lt;i&gt;title&lt;/i&gt;</title>');
    expect(page).toContain('<p>&lt;b&gt;&amp;</p>');
    expect(page).not.toMatch(/<script|src=/);
  });
});
