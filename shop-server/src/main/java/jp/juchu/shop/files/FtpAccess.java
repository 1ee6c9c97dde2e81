package jp.juchu.shop.files;

/** What an FTP account reaches (アクセス権): the whole file area, or {@code /docs/} only. */
public enum FtpAccess {
    ALL,
    DOCS
}
