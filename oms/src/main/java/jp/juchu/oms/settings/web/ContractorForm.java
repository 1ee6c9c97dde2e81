package jp.juchu.oms.settings.web;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** The 契約者情報 form; postal code 123-4567, phone with digits and hyphens. */
record ContractorForm(
        @NotBlank @Size(max = 100) String companyName,
        @NotBlank @Size(max = 100) String representative,

        @NotBlank @Pattern(regexp = "\\d{3}-?\\d{4}", message = "{settings.postalCode.pattern}")
        String postalCode,

        @NotBlank String prefecture,
        @NotBlank @Size(max = 200) String address,

        @NotBlank @Pattern(regexp = "0\\d{1,4}-?\\d{1,4}-?\\d{3,4}", message = "{settings.phone.pattern}")
        String phone,

        @NotBlank @Email String email) {

    static ContractorForm empty() {
        return new ContractorForm("", "", "", "", "", "", "");
    }
}
