import assert from 'node:assert/strict';
import { test } from 'node:test';
import { dataUri, escapeHtml, slug } from './html-text.ts';

test('markup characters are escaped, in content and in attribute values', () => {
  assert.equal(escapeHtml(`<img src=x onerror="alert('x')">&`), '&lt;img src=x onerror=&quot;alert(&#39;x&#39;)&quot;&gt;&amp;');
});

test('slugs and data: URIs carry nothing that could break out of an attribute', () => {
  assert.equal(slug('SC.MSS/CONF.21 « x »'), 'sc-mss-conf-21-x');
  assert.equal(dataUri('message/rfc822', Buffer.from('<b>"')), 'data:message/rfc822;base64,PGI+Ig==');
  assert.match(dataUri('text/html"><script>', Buffer.from('x')), /^data:application\/octet-stream;base64,/);
});
