package jp.juchu.oms.users;

/**
 * A change to the users that the OMS refuses (ユーザー変更の拒否): it would leave nobody able to manage users, or
 * lock the signed-in user out.
 */
public class UserChangeRefused extends RuntimeException {

    /** Why; each has a message {@code users.refused.<name>}. */
    public enum Reason {
        LOGIN_ID_TAKEN,
        NO_SUCH_USER,
        LAST_ADMIN,
        OWN_ACCOUNT
    }

    private final Reason reason;

    UserChangeRefused(Reason reason, String loginId) {
        super(reason + ": " + loginId);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }

    public String messageCode() {
        return "users.refused." + reason.name();
    }
}
