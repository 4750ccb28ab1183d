import { describe, expect, it } from 'vitest';
import { PrintDocuments } from './print-documents';

describe('PrintDocuments', () => {
  it('serves a document under an unguessable app:// URL until released', () => {
    const docs = new PrintDocuments();
    const { url, release } = docs.put('<p>台账</p>');
    expect(url).toMatch(/^app:\/\/app\/_print\/[0-9a-f-]{36}\.html$/);
    const name = url.split('/').pop() as string;
    expect(docs.get(name)).toBe('<p>台账</p>');
    release();
    expect(docs.get(name)).toBeUndefined();
    expect(docs.size).toBe(0);
  });

  it('gives each document its own id and ignores malformed names', () => {
    const docs = new PrintDocuments();
    expect(docs.put('a').url).not.toBe(docs.put('b').url);
    expect(docs.get('../x.html')).toBeUndefined();
    expect(docs.get('index.html')).toBeUndefined();
  });
});
