package jp.juchu.oms.orders;

/**
 * Who makes a change to an order's workflow: a person with a role, or the system (an import, a scheduled
 * job). The workflow decides by the role what each may do; the name goes to the order's history and, for a
 * person, to the audit log.
 */
public record Actor(String name, Role role) {

    public enum Role {
        ADMIN,
        STAFF,
        SYSTEM,
        /** A merchant's rule (自動処理): automatic, but set up by a person, so it may also put an order on hold. */
        RULE
    }

    public Actor {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("actor needs a name");
        }
        if (role == null) {
            throw new IllegalArgumentException("actor needs a role");
        }
    }

    /** A signed-in person: an admin, or staff (a viewer never reaches an order-changing path). */
    public static Actor person(String name, boolean admin) {
        return new Actor(name, admin ? Role.ADMIN : Role.STAFF);
    }

    /** An automatic step: the import, the slip export's own move, a scheduled job. */
    public static Actor system(String name) {
        return new Actor(name, Role.SYSTEM);
    }

    /** A rule of 自動処理 acting on its own. */
    public static Actor rule(String ruleName) {
        return new Actor("自動処理: " + ruleName, Role.RULE);
    }

    public boolean isPerson() {
        return role == Role.ADMIN || role == Role.STAFF;
    }
}
