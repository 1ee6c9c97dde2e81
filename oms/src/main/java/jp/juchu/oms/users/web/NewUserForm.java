package jp.juchu.oms.users.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jp.juchu.oms.users.Role;

/** ユーザー追加: the login id goes into URLs, so letters, digits and {@code . _ @ -} only. */
record NewUserForm(
        @NotBlank @Pattern(regexp = "[A-Za-z0-9._@-]{3,50}", message = "{users.loginId.pattern}")
        String loginId,

        @NotBlank @Size(max = 100) String displayName,
        @NotNull Role role,

        @NotNull @Size(min = 10, max = 100, message = "{users.password.size}")
        String password) {

    static NewUserForm empty() {
        return new NewUserForm("", "", Role.STAFF, "");
    }
}
