-- Substring search over carrier number, title and 文号 without scanning every row: an FTS5
-- index of the search text's character bigrams, each written as the hex of its UTF-8 bytes
-- so that the unicode61 tokenizer sees plain tokens. A query of two or more characters is
-- the phrase of its own bigrams, which matches exactly where it occurs as a substring.
-- Contentless: it holds no text of its own, only the tokens.
CREATE VIRTUAL TABLE carrier_grams USING fts5(grams, content = '', contentless_delete = 1, tokenize = 'unicode61');

INSERT INTO carrier_grams (rowid, grams)
SELECT c.rowid, (
  WITH RECURSIVE k(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM k WHERE i < length(c.search_text) - 1)
  SELECT group_concat(hex(substr(c.search_text, i, 2)), ' ') FROM k
)
FROM carriers c;
