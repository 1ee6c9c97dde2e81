package jp.juchu.oms.users;

import java.util.List;
import java.util.Optional;
import jp.juchu.oms.audit.AuditLog;
import jp.juchu.oms.users.UserChangeRefused.Reason;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The OMS's users (ユーザー): sign-in, look-up for attribution, and their management by an admin. Every change
 * writes an audit entry in its own transaction; none leaves the OMS without an enabled admin.
 */
@Service
public class Users implements UserDetailsService {

    private static final String COLUMNS = "id, login_id, display_name, role, enabled, created_at";

    /** Who the audit log names for the admin created at the first start. */
    static final String SYSTEM_ACTOR = "システム";

    private final JdbcClient jdbc;
    private final PasswordEncoder passwordEncoder;
    private final AuditLog audit;

    Users(JdbcClient jdbc, PasswordEncoder passwordEncoder, AuditLog audit) {
        this.jdbc = jdbc;
        this.passwordEncoder = passwordEncoder;
        this.audit = audit;
    }

    @Override
    public UserDetails loadUserByUsername(String loginId) {
        record Login(String loginId, String passwordHash, String role, boolean enabled) {}
        return jdbc.sql("select login_id, password_hash, role, enabled from app_user where lower(login_id) = lower(?)")
                .param(loginId)
                .query(Login.class)
                .optional()
                .map(login -> org.springframework.security.core.userdetails.User.withUsername(login.loginId())
                        .password(login.passwordHash())
                        .roles(login.role())
                        .disabled(!login.enabled())
                        .build())
                .orElseThrow(() -> new UsernameNotFoundException("no such user"));
    }

    /** The user with this login ID, in any case ({@code ADMIN} finds {@code admin}). */
    public Optional<User> find(String loginId) {
        return jdbc.sql("select " + COLUMNS + " from app_user where lower(login_id) = lower(?)")
                .param(loginId)
                .query(User.class)
                .optional();
    }

    public long count() {
        return jdbc.sql("select count(*) from app_user").query(Long.class).single();
    }

    /** All users, admins first, then by login id. */
    public List<User> all() {
        return jdbc.sql("select " + COLUMNS + " from app_user"
                        + " order by case role when 'ADMIN' then 0 when 'STAFF' then 1 else 2 end, login_id")
                .query(User.class)
                .list();
    }

    /** Adds a user on behalf of the system (the initial admin). */
    @Transactional
    public User add(String loginId, String displayName, Role role, String password) {
        return add(loginId, displayName, role, password, SYSTEM_ACTOR);
    }

    /** @throws UserChangeRefused when the login id is taken */
    @Transactional
    public User add(String loginId, String displayName, Role role, String password, String actor) {
        if (find(loginId).isPresent()) {
            throw new UserChangeRefused(Reason.LOGIN_ID_TAKEN, loginId);
        }
        try {
            jdbc.sql("insert into app_user (login_id, display_name, role, password_hash) values (?, ?, ?, ?)")
                    .params(loginId, displayName, role.name(), passwordEncoder.encode(password))
                    .update();
        } catch (DuplicateKeyException sameIdAtTheSameMoment) {
            throw new UserChangeRefused(Reason.LOGIN_ID_TAKEN, loginId);
        }
        audit.record(actor, "USER_ADDED", target(loginId), displayName + " / " + role);
        return find(loginId).orElseThrow();
    }

    /** @throws UserChangeRefused when it would demote the last enabled admin */
    @Transactional
    public void changeRole(String loginId, Role role, String actor) {
        User user = existing(loginId);
        if (user.role() == role) {
            return;
        }
        if (user.role() == Role.ADMIN && user.enabled()) {
            refuseIfLastAdmin(user);
        }
        jdbc.sql("update app_user set role = ?, session_epoch = session_epoch + 1 where id = ?")
                .params(role.name(), user.id())
                .update();
        audit.record(actor, "USER_ROLE_CHANGED", target(user.loginId()), user.role() + " → " + role);
    }

    /**
     * Enables or disables a user's sign-in. A disabled user keeps their name on the orders they worked on.
     *
     * @throws UserChangeRefused when users disable themselves or the last enabled admin
     */
    @Transactional
    public void setEnabled(String loginId, boolean enabled, String actor) {
        User user = existing(loginId);
        if (user.enabled() == enabled) {
            return;
        }
        if (!enabled) {
            if (user.loginId().equalsIgnoreCase(actor)) {
                throw new UserChangeRefused(Reason.OWN_ACCOUNT, loginId);
            }
            if (user.role() == Role.ADMIN) {
                refuseIfLastAdmin(user);
            }
        }
        jdbc.sql("update app_user set enabled = ?, session_epoch = session_epoch + 1 where id = ?")
                .params(enabled, user.id())
                .update();
        audit.record(actor, enabled ? "USER_ENABLED" : "USER_DISABLED", target(user.loginId()), "");
    }

    @Transactional
    public void resetPassword(String loginId, String password, String actor) {
        User user = existing(loginId);
        jdbc.sql("update app_user set password_hash = ?, session_epoch = session_epoch + 1 where id = ?")
                .params(passwordEncoder.encode(password), user.id())
                .update();
        audit.record(actor, "USER_PASSWORD_RESET", target(user.loginId()), "");
    }

    /**
     * The epoch a session signed in under must still carry: it moves on at every disable, password reset and role
     * change. Empty when the user is gone or disabled.
     */
    public Optional<Integer> sessionEpoch(String loginId) {
        return jdbc.sql("select session_epoch from app_user where lower(login_id) = lower(?) and enabled")
                .param(loginId)
                .query(Integer.class)
                .optional();
    }

    private User existing(String loginId) {
        return find(loginId).orElseThrow(() -> new UserChangeRefused(Reason.NO_SUCH_USER, loginId));
    }

    /** Locks the enabled admins' rows so two admins demoting each other at once cannot both succeed. */
    private void refuseIfLastAdmin(User admin) {
        List<Long> admins = jdbc.sql("select id from app_user where role = 'ADMIN' and enabled order by id for update")
                .query(Long.class)
                .list();
        if (admins.size() <= 1 && admins.contains(admin.id())) {
            throw new UserChangeRefused(Reason.LAST_ADMIN, admin.loginId());
        }
    }

    private static String target(String loginId) {
        return "user:" + loginId;
    }
}
