package jp.juchu.oms.users;

import jakarta.servlet.http.HttpSession;
import org.springframework.stereotype.Component;

/**
 * Ends a user's sessions the moment their access changes, on every node: each session remembers the user's
 * {@code session_epoch} at sign-in, and a disable, password reset or role change moves the epoch on in the one
 * database all nodes share. A session whose epoch is no longer the user's (or whose user is disabled) is over.
 */
@Component
public class SessionEpochs {

    static final String ATTRIBUTE = SessionEpochs.class.getName();

    private final Users users;

    SessionEpochs(Users users) {
        this.users = users;
    }

    /** Called at sign-in, on the new session. */
    public void signedIn(HttpSession session, String loginId) {
        users.sessionEpoch(loginId).ifPresent(epoch -> session.setAttribute(ATTRIBUTE, epoch));
    }

    /**
     * Whether the session may go on. Sessions that did not sign in through the login form (none in production;
     * a test's mock user) carry no epoch and are not judged.
     */
    public boolean stillValid(HttpSession session, String loginId) {
        if (!(session.getAttribute(ATTRIBUTE) instanceof Integer epoch)) {
            return true;
        }
        return users.sessionEpoch(loginId).filter(epoch::equals).isPresent();
    }
}
