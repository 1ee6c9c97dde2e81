package jp.juchu.oms.malls;

/** A connection's settings were saved (new, changed, or new keys after a reissue). */
public record MallConnectionSaved(long connectionId) {}
