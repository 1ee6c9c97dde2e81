package jp.juchu.oms.malls.web;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jp.juchu.oms.malls.ConnectionSettings;
import jp.juchu.oms.malls.MallConnection;

/** The "APIアクセス設定" form. Keys may be left blank when editing, to keep the stored ones. */
class ConnectionForm {

    @NotBlank
    @Pattern(regexp = "[A-Za-z0-9_-]{1,64}", message = "{malls.form.shopId.pattern}")
    private String shopId;

    @Size(max = 200)
    private String openKey;

    @Size(max = 200)
    private String managerKey;

    @Min(1)
    @Max(30)
    private int daysToFetch = 7;

    private boolean autoFetch = true;

    private boolean writeBack = true;

    private boolean finishedAsShipped = true;

    /** Minutes (1, 5, 10, 15, 30, 60), or {@value #ON_NOTIFICATION}: 通知で取得, with the safety poll every 30 minutes. */
    @Pattern(regexp = "1|5|10|15|30|60|" + ON_NOTIFICATION, message = "{malls.form.interval.choice}")
    private String fetchIntervalMinutes = "30";

    static final String ON_NOTIFICATION = "notification";

    @NotBlank
    @Pattern(regexp = "https?://\\S+", message = "{malls.form.url.pattern}")
    private String managementUrl;

    @NotBlank
    @Pattern(regexp = "https?://\\S+", message = "{malls.form.url.pattern}")
    private String itemUrl;

    static ConnectionForm of(MallConnection c) {
        ConnectionForm form = new ConnectionForm();
        form.shopId = c.shopId();
        form.daysToFetch = c.daysToFetch();
        form.autoFetch = c.autoFetch();
        form.writeBack = c.writeBack();
        form.fetchIntervalMinutes =
                c.fetchOnNotification() ? ON_NOTIFICATION : String.valueOf(c.fetchIntervalMinutes());
        form.managementUrl = c.managementUrl();
        form.itemUrl = c.itemUrl();
        return form;
    }

    ConnectionSettings settings() {
        boolean onNotification = ON_NOTIFICATION.equals(fetchIntervalMinutes);
        return new ConnectionSettings(
                shopId.strip(),
                openKey == null ? null : openKey.strip(),
                managerKey == null ? null : managerKey.strip(),
                daysToFetch,
                autoFetch,
                onNotification ? ConnectionSettings.SAFETY_POLL_MINUTES : Integer.parseInt(fetchIntervalMinutes),
                trimSlash(managementUrl),
                trimSlash(itemUrl),
                writeBack,
                onNotification);
    }

    public boolean isWriteBack() {
        return writeBack;
    }

    public void setWriteBack(boolean writeBack) {
        this.writeBack = writeBack;
    }

    public boolean isFinishedAsShipped() {
        return finishedAsShipped;
    }

    public void setFinishedAsShipped(boolean finishedAsShipped) {
        this.finishedAsShipped = finishedAsShipped;
    }

    private static String trimSlash(String url) {
        String trimmed = url.strip();
        return trimmed.endsWith("/") ? trimmed.substring(0, trimmed.length() - 1) : trimmed;
    }

    public String getShopId() {
        return shopId;
    }

    public void setShopId(String shopId) {
        this.shopId = shopId;
    }

    public String getOpenKey() {
        return openKey;
    }

    public void setOpenKey(String openKey) {
        this.openKey = openKey;
    }

    public String getManagerKey() {
        return managerKey;
    }

    public void setManagerKey(String managerKey) {
        this.managerKey = managerKey;
    }

    public int getDaysToFetch() {
        return daysToFetch;
    }

    public void setDaysToFetch(int daysToFetch) {
        this.daysToFetch = daysToFetch;
    }

    public boolean isAutoFetch() {
        return autoFetch;
    }

    public void setAutoFetch(boolean autoFetch) {
        this.autoFetch = autoFetch;
    }

    public String getFetchIntervalMinutes() {
        return fetchIntervalMinutes;
    }

    public void setFetchIntervalMinutes(String fetchIntervalMinutes) {
        this.fetchIntervalMinutes = fetchIntervalMinutes;
    }

    public String getManagementUrl() {
        return managementUrl;
    }

    public void setManagementUrl(String managementUrl) {
        this.managementUrl = managementUrl;
    }

    public String getItemUrl() {
        return itemUrl;
    }

    public void setItemUrl(String itemUrl) {
        this.itemUrl = itemUrl;
    }
}
