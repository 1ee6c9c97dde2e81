package jp.juchu.oms.orders;

/** A shop order as the importer read it: the checked order, its raw payload and the payload's content hash. */
public record IncomingOrder(ShopOrder order, String payloadJson, String contentHash) {}
