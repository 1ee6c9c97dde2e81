package jp.juchu.oms.malls;

/** What a shop answers when the OMS registers its notification endpoint: the endpoint's id there and its secret. */
public record NotificationSubscription(String remoteId, String secret) {

    @Override
    public String toString() {
        return "NotificationSubscription[remoteId=" + remoteId + ", secret=****]";
    }
}
