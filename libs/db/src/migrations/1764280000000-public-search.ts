import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Keyword search on the public portal (政务公开专栏). Chinese has no spaces between words and pg_trgm drops
 * characters its locale does not call alphanumeric (every CJK character under the C locale), so each
 * released edition keeps its own character n-grams: every character and every pair of adjacent characters
 * of its title, body, interpretation and catalog item name, lower-cased, whitespace left out. A query term
 * of one character looks up its unigram and a longer term its bigrams, through a GIN index; the service
 * then confirms the exact substring, so the n-grams only narrow the rows and never decide a match.
 * Locale-independent, so it behaves the same on the embedded server and on any production PostgreSQL.
 */
export class PublicSearch1764280000000 implements MigrationInterface {
  name = 'PublicSearch1764280000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE FUNCTION public_search_grams(document text) RETURNS text[]
        LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
          SELECT coalesce(array_agg(DISTINCT gram), '{}')
            FROM (SELECT lower(coalesce(document, '')) AS d) doc,
                 LATERAL generate_series(1, length(doc.d)) AS i,
                 LATERAL (VALUES (substr(doc.d, i, 1)), (substr(doc.d, i, 2))) AS grams(gram)
           WHERE gram !~ '[[:space:]\\u00a0\\u3000]'
        $$;

      -- The n-grams a query must find: the character of a one-character term, the bigrams of a longer one.
      CREATE FUNCTION public_search_query_grams(terms text[]) RETURNS text[]
        LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
          SELECT coalesce(array_agg(DISTINCT substr(t, i, least(length(t), 2))), '{}')
            FROM (SELECT lower(term) AS t FROM unnest(terms) AS term WHERE term <> '') normalised,
                 LATERAL generate_series(1, greatest(length(t) - 1, 1)) AS i
        $$;

      ALTER TABLE item_editions ADD COLUMN search_grams text[] NOT NULL DEFAULT '{}';

      CREATE FUNCTION item_editions_index_search() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        catalog_name text;
      BEGIN
        SELECT concat_ws(' / ', c.level1, c.level2, c.level3) INTO catalog_name
          FROM disclosure_items i
          JOIN catalog_items c ON c.version_id = i.catalog_version_id AND c.code = i.catalog_item_code
         WHERE i.id = NEW.item_id;
        NEW.search_grams := public_search_grams(concat_ws(E'\\n', NEW.title, NEW.body, NEW.interpretation, catalog_name));
        RETURN NEW;
      END;
      $$;
      CREATE TRIGGER item_editions_search BEFORE INSERT OR UPDATE OF title, body, interpretation ON item_editions
        FOR EACH ROW EXECUTE FUNCTION item_editions_index_search();

      UPDATE item_editions e
         SET search_grams = public_search_grams(concat_ws(E'\\n', e.title, e.body, e.interpretation, concat_ws(' / ', c.level1, c.level2, c.level3)))
        FROM disclosure_items i
        JOIN catalog_items c ON c.version_id = i.catalog_version_id AND c.code = i.catalog_item_code
       WHERE i.id = e.item_id;

      CREATE INDEX item_editions_search_grams ON item_editions USING gin (search_grams);
      -- The portal list and the feed walk editions newest first and stop after a page.
      CREATE INDEX item_editions_released ON item_editions (released_at DESC, item_id DESC);
      CREATE INDEX disclosure_items_withdrawn ON disclosure_items (withdrawn_at DESC) WHERE state = 'WITHDRAWN';
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      DROP INDEX disclosure_items_withdrawn;
      DROP INDEX item_editions_released;
      DROP INDEX item_editions_search_grams;
      DROP TRIGGER item_editions_search ON item_editions;
      DROP FUNCTION item_editions_index_search();
      ALTER TABLE item_editions DROP COLUMN search_grams;
      DROP FUNCTION public_search_query_grams(text[]);
      DROP FUNCTION public_search_grams(text);
    `);
  }
}
