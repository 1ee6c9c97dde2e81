package jp.juchu.oms.users;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;

/** An OMS with no user gets one admin, so that somebody can sign in and add the others. */
@Component
class InitialAdmin {

    private static final Logger log = LoggerFactory.getLogger(InitialAdmin.class);

    private final Users users;
    private final UserSettings settings;

    InitialAdmin(Users users, UserSettings settings) {
        this.users = users;
        this.settings = settings;
    }

    @EventListener(ApplicationReadyEvent.class)
    void createWhenNoUser() {
        if (users.count() > 0) {
            return;
        }
        try {
            users.add(settings.initialAdminLogin(), "管理者", Role.ADMIN, settings.initialAdminPassword());
            log.info("Created the initial OMS admin '{}'", settings.initialAdminLogin());
        } catch (DuplicateKeyException | UserChangeRefused alreadyCreatedByAnotherNode) {
            log.debug("Initial admin was created by another node");
        }
    }
}
