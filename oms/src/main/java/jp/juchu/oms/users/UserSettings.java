package jp.juchu.oms.users;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param initialAdminLogin login of the admin created when the OMS starts with no user at all
 * @param initialAdminPassword that admin's password; change it after the first login
 */
@ConfigurationProperties("oms.users")
public record UserSettings(
        @DefaultValue("admin") String initialAdminLogin,
        @DefaultValue("juchu-admin") String initialAdminPassword) {}
