-- The keywords' fold (V110) gives the same text, faster (issue 20). translate() looks each character up in its list of
-- 86 katakana; an order's kanji, digits and letters, the most of its keywords, were looked up in vain. The list is now
-- read only for a text that holds a katakana at all, the case a regular expression over the same range answers. The
-- keywords of 20,000 benchmark orders came out the same, in 534 ms instead of 675.
create or replace function oms_fold(t text) returns text language sql immutable parallel safe as $$
    select case when f ~ '[ァ-ヶ]'
                then translate(f,
                               'ァアィイゥウェエォオカガキギクグケゲコゴサザシジスズセゼソゾタダチヂッツヅテデトドナニヌネノハバパヒビピフブプヘベペホボポマミムメモャヤュユョヨラリルレロヮワヰヱヲンヴヵヶ',
                               'ぁあぃいぅうぇえぉおかがきぎくぐけげこごさざしじすずせぜそぞただちぢっつづてでとどなにぬねのはばぱひびぴふぶぷへべぺほぼぽまみむめもゃやゅゆょよらりるれろゎわゐゑをんゔゕゖ')
                else f end
    from (select lower(replace(normalize(coalesce(t, ''), NFKC), ' ', '')) as f) folded
$$;
