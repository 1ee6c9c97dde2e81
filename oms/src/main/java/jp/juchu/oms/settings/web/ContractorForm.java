package jp.juchu.oms.settings.web;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jp.juchu.oms.settings.Contractor;
import jp.juchu.support.address.AddressFormats;

/** The 契約者情報 form; postal code 123-4567, phone with digits and hyphens, registration number T and 13 digits. */
record ContractorForm(
        @NotBlank @Size(max = 100) String companyName,
        @NotBlank @Size(max = 100) String representative,

        @NotBlank @Pattern(regexp = AddressFormats.POSTAL_CODE, message = "{settings.postalCode.pattern}")
        String postalCode,

        @NotBlank String prefecture,
        @NotBlank @Size(max = 200) String address,

        @NotBlank @Pattern(regexp = AddressFormats.PHONE, message = "{settings.phone.pattern}")
        String phone,

        @NotBlank @Email String email,

        @Pattern(regexp = Contractor.REGISTRATION_NUMBER, message = "{settings.registrationNumber.pattern}")
        String registrationNumber) {

    /** The registration number as typed made plain (Ｔ１２３… → T123…, hyphens dropped); blank is none. */
    ContractorForm {
        registrationNumber = Contractor.normalizedRegistrationNumber(registrationNumber);
    }

    static ContractorForm empty() {
        return new ContractorForm("", "", "", "", "", "", "", null);
    }
}
