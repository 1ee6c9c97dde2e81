package jp.juchu.oms.users;

import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The OMS's users: sign-in, look-up for attribution, and adding users. */
@Service
public class Users implements UserDetailsService {

    private static final String COLUMNS = "id, login_id, display_name, role, enabled, created_at";

    private final JdbcClient jdbc;
    private final PasswordEncoder passwordEncoder;

    Users(JdbcClient jdbc, PasswordEncoder passwordEncoder) {
        this.jdbc = jdbc;
        this.passwordEncoder = passwordEncoder;
    }

    @Override
    public UserDetails loadUserByUsername(String loginId) {
        record Login(String loginId, String passwordHash, String role, boolean enabled) {}
        return jdbc.sql("select login_id, password_hash, role, enabled from app_user where login_id = ?")
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

    public Optional<User> find(String loginId) {
        return jdbc.sql("select " + COLUMNS + " from app_user where login_id = ?")
                .param(loginId)
                .query(User.class)
                .optional();
    }

    public long count() {
        return jdbc.sql("select count(*) from app_user").query(Long.class).single();
    }

    @Transactional
    public User add(String loginId, String displayName, Role role, String password) {
        if (find(loginId).isPresent()) {
            throw new IllegalArgumentException("login ID already taken: " + loginId);
        }
        jdbc.sql("insert into app_user (login_id, display_name, role, password_hash) values (?, ?, ?, ?)")
                .params(loginId, displayName, role.name(), passwordEncoder.encode(password))
                .update();
        return find(loginId).orElseThrow();
    }
}
