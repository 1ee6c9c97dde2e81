-- お店設定: each shop's settings as one document (details, payments, shipping, delivery, points), read by
-- the storefront at checkout. Sections a shop has not saved take the platform's defaults (ShopSetups).
create table shop_setup (
    shop_id    varchar(20) primary key references shop (shop_id) on delete cascade,
    setup      jsonb       not null,
    updated_at timestamptz not null default now()
);

-- The shipping rules shops had are carried over as their shipping settings.
insert into shop_setup (shop_id, setup)
select r.shop_id,
       jsonb_build_object('shipping', jsonb_build_object(
           'flatFee', r.flat_fee,
           'freeOver', r.free_over,
           'prefectureExtras', coalesce((select jsonb_object_agg(trim(p), r.remote_extra)
                                         from unnest(string_to_array(r.remote_prefectures, ',')) p
                                         where r.remote_extra > 0 and trim(p) <> ''), '{}'::jsonb),
           'giftWrappingFee', r.gift_wrapping_fee))
from storefront_shipping_rule r;

drop table storefront_shipping_rule;
