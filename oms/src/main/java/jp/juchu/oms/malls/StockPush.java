package jp.juchu.oms.malls;

/**
 * What a conditional stock push did: the new quantity was written, or the shop's stock was no longer the expected one
 * (a sale or another client changed it meanwhile) and nothing was written.
 *
 * @param currentQuantity the shop's quantity now: the pushed one when applied, the one found otherwise
 */
public record StockPush(boolean applied, int currentQuantity) {

    public static StockPush applied(int quantity) {
        return new StockPush(true, quantity);
    }

    public static StockPush changedMeanwhile(int current) {
        return new StockPush(false, current);
    }
}
